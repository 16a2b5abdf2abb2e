/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.vecsync.core.sink.TargetAdmin;
import io.vecsync.core.sink.VectorStore;

/** The Pinecone store: one connection to the index, shared by its writer and its admin. */
final class PineconeStore implements VectorStore {

    private final IndexConnection connection;
    private final PineconeWriter writer;
    private final PineconeIndexAdmin admin;

    PineconeStore(PineconeSinkConfig config) {
        this.connection = new IndexConnection(config);
        this.writer = new PineconeWriter(connection, config.namespace());
        this.admin = new PineconeIndexAdmin(config, connection);
    }

    @Override
    public PineconeWriter writer() {
        return writer;
    }

    @Override
    public TargetAdmin admin() {
        return admin;
    }

    @Override
    public void close() {
        connection.close();
    }
}
