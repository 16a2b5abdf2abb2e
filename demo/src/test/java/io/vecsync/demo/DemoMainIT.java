/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command in exit-after-sync mode: plugins through plugin.path, Lucene, the query service, in a
 * directory of the run's own that replaces those of earlier runs.
 */
@Tag("slow")
class DemoMainIT {

    @TempDir
    Path dir;

    @Test
    void syncsEveryVideoOnceAndItsExampleQueriesFindTheirSegments() throws Exception {
        Path runs = Files.createDirectories(DemoMain.repositoryRoot().resolve("demo/target/demo-run"));
        Path earlier = Files.createTempDirectory(runs, "run-");
        Files.writeString(Files.createDirectory(earlier.resolve("lucene-index")).resolve("segments_1"), "index");
        Path beside = Files.createTempDirectory(runs, "run-");

        String output;
        // A demo running beside this one holds its directory's lock.
        try (FileChannel running =
                FileChannel.open(beside.resolve(".running"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            running.lock();
            output = DemoRuns.runToCompletion(dir, "--videos", "4");
        }

        assertFalse(Files.exists(earlier), "an earlier run's directory is removed");
        assertTrue(Files.exists(beside), "a running demo's directory is kept");
        DemoRuns.removeTree(beside);
        try (Stream<Path> left = Files.list(runs)) {
            List<Path> thisRun = left.toList();
            assertEquals(1, thisRun.size(), thisRun.toString());
            assertTrue(
                    Files.exists(thisRun.get(0).resolve("query-service.log")),
                    "the run's directory is kept for a look");
        }

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
