/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index directories open for writing in this JVM, by canonical path. Lucene's write.lock allows one IndexWriter
 * per directory, so the tasks of a worker, and a searcher in the same process, share it, counted by reference. The
 * registry is per class loader: Connect loads a plugin once per worker, so all its Lucene sink tasks share it.
 */
final class LuceneIndexes {

    private static final Logger log = LoggerFactory.getLogger(LuceneIndexes.class);
    private static final Map<Path, LuceneIndex> OPEN = new HashMap<>();

    private LuceneIndexes() {}

    /** The index of an existing directory, opened for writing or shared with those who have it open. */
    static synchronized LuceneIndex acquire(Path directory, LuceneSinkConfig.IndexSettings settings) {
        Path key;
        try {
            key = directory.toRealPath();
        } catch (IOException e) {
            throw new ConnectException("cannot resolve " + LuceneSinkConfig.DIRECTORY + " " + directory + ": " + e, e);
        }
        LuceneIndex index = OPEN.get(key);
        // A writer that closed itself after an error has released the lock: a restarted task opens a new one.
        if (index == null || !index.isWritable()) {
            index = LuceneIndex.open(key, settings);
            OPEN.put(key, index);
        } else if (!index.settings().equals(settings)) {
            log.warn(
                    "the Lucene index in {} is already open in this worker with {}; these settings ({}) do not apply",
                    key,
                    index.settings(),
                    settings);
        }
        index.references++;
        return index;
    }

    /** The index of the directory, retained, when it is open for writing in this JVM; else null. */
    static synchronized LuceneIndex retainIfOpen(Path directory) {
        if (!Files.exists(directory)) {
            return null;
        }
        LuceneIndex index;
        try {
            index = OPEN.get(directory.toRealPath());
        } catch (IOException e) {
            return null;
        }
        if (index == null || !index.isWritable()) {
            return null;
        }
        index.references++;
        return index;
    }

    /** Gives back a reference; the last one closes the writer, which commits. */
    static synchronized void release(LuceneIndex index) {
        if (--index.references == 0) {
            OPEN.remove(index.path(), index);
            index.close();
        }
    }
}
