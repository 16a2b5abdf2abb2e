/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import io.vecsync.core.sink.TargetAdmin;
import io.vecsync.core.sink.VectorStore;
import io.vecsync.core.sink.VectorWriter;

/** The Qdrant store: one gRPC connection shared by its writer and its collection admin. */
final class QdrantStore implements VectorStore {

    private final QdrantConnection connection;
    private final QdrantWriter writer;
    private final QdrantCollectionAdmin admin;

    QdrantStore(QdrantSinkConfig config) {
        this.connection = QdrantConnection.open(config);
        this.writer = new QdrantWriter(config, connection);
        this.admin = new QdrantCollectionAdmin(config, connection);
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
        connection.close();
    }
}
