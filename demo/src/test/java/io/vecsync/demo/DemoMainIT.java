/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command in exit-after-sync mode: plugins through plugin.path, Lucene, the query service. */
@Tag("slow")
class DemoMainIT {

    @TempDir
    Path dir;

    @Test
    void syncsEveryVideoOnceAndItsExampleQueriesFindTheirSegments() throws Exception {
        String output = DemoRuns.runToCompletion(dir, "--videos", "4");

        Matcher synced = Pattern.compile("synced (\\d+) segments of 4 videos into topic vecsync.segments")
                .matcher(output);
        assertTrue(synced.find(), output);
        assertTrue(output.contains("embeddings calls: 4 (one per video version: 4); credits spent: 4"), output);
        assertTrue(output.contains("sink connector vecsync-lucene (lucene)"), output);
        assertTrue(output.contains("query service: http://127.0.0.1:"), output);
        // The source's offset-carrying tombstones are of ids no segment has: a first sync retracts nothing.
        assertFalse(output.contains("retracted"), output);
        DemoRuns.assertExamplesFindTheirSegments(output, 4);
        DemoRuns.assertQuiet(output);
    }
}
