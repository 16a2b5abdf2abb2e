/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import io.vecsync.core.sink.TargetAdmin;
import io.vecsync.core.sink.VectorStore;
import io.vecsync.core.sink.VectorWriter;

/** The Lucene store of one task: the index admin, which holds the task's share of the index, and the writer using it. */
final class LuceneStore implements VectorStore {

    private final LuceneIndexAdmin admin;
    private final LuceneWriter writer;

    LuceneStore(LuceneSinkConfig config) {
        this.admin = new LuceneIndexAdmin(config);
        this.writer = new LuceneWriter(admin::index);
    }

    @Override
    public VectorWriter writer() {
        return writer;
    }

    @Override
    public TargetAdmin admin() {
        return admin;
    }

    /** Commits every write so far, so a crash loses no record whose offset Connect commits next. */
    @Override
    public void flush() {
        LuceneIndex index = admin.index();
        if (index != null) {
            index.commit();
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
