/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.core.sink.TargetAdmin;
import io.vecsync.core.sink.VectorStore;
import io.vecsync.core.sink.VectorWriter;

/** The Weaviate store: a writer and a collection admin sharing one connection. */
final class WeaviateStore implements VectorStore {

    private final WeaviateConnection connection;
    private final WeaviateCollectionAdmin admin;
    private final WeaviateWriter writer;

    WeaviateStore(WeaviateSinkConfig config) {
        this.connection = new WeaviateConnection(config);
        this.admin = new WeaviateCollectionAdmin(config, connection);
        this.writer = new WeaviateWriter(config, connection, admin);
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
    public void close() {
        writer.close();
        connection.close();
    }
}
