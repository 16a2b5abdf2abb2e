/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import io.vecsync.core.sink.TargetAdmin;
import io.vecsync.core.sink.VectorStore;
import io.vecsync.core.sink.VectorWriter;

/** The pgvector store: its writer, its table admin and the index builder they share. */
final class PgVectorStore implements VectorStore {

    private final PgVectorWriter writer;
    private final PgVectorTableAdmin admin;
    private final HnswIndexBuilder indexBuilder;

    PgVectorStore(PgVectorSinkConfig config) {
        PgConnections connections = new PgConnections(config);
        this.indexBuilder = new HnswIndexBuilder(config, connections);
        this.writer = new PgVectorWriter(config, connections);
        this.admin = new PgVectorTableAdmin(config, connections, indexBuilder);
    }

    @Override
    public VectorWriter writer() {
        return writer;
    }

    @Override
    public TargetAdmin admin() {
        return admin;
    }

    @Override
    public void delivered(int records) {
        indexBuilder.delivered(records);
    }

    HnswIndexBuilder indexBuilder() {
        return indexBuilder;
    }

    @Override
    public void close() {
        writer.close();
        indexBuilder.close();
    }
}
