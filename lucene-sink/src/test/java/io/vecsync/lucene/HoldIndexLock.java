/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/** Another process writing an index, as a second Connect worker would: holds its write.lock until stdin closes. */
public final class HoldIndexLock {

    private HoldIndexLock() {}

    public static void main(String[] args) throws Exception {
        try (FSDirectory directory = FSDirectory.open(Path.of(args[0]));
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.commit();
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() != -1) {
                // Held until the test closes our stdin or ends the process.
            }
        }
    }
}
