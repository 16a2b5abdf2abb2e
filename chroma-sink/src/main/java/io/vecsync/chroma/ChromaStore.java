/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import io.vecsync.core.sink.TargetAdmin;
import io.vecsync.core.sink.VectorStore;
import io.vecsync.core.sink.VectorWriter;

/** The Chroma store: a writer and a collection admin sharing one HTTP client. */
final class ChromaStore implements VectorStore {

    private final ChromaCollectionAdmin admin;
    private final ChromaWriter writer;

    ChromaStore(ChromaSinkConfig config) {
        ChromaClient client = new ChromaClient(config);
        this.admin = new ChromaCollectionAdmin(config, client);
        this.writer = new ChromaWriter(client, admin);
    }

    @Override
    public VectorWriter writer() {
        return writer;
    }

    @Override
    public TargetAdmin admin() {
        return admin;
    }

    /** The JDK's HTTP client holds nothing that outlives its last request. */
    @Override
    public void close() {}
}
