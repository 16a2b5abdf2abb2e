/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The scale benchmark's table, one line a catalogue size, and its two ratios against their targets. */
final class SourceScaleReport {

    /** The bound on any offset record, whatever the library's size. */
    static final int MAX_OFFSET_BYTES = 64 * 1024;

    private final PrintStream out;

    SourceScaleReport(PrintStream out) {
        this.out = out;
    }

    /** One size's line of the table. */
    static String row(SourceScaleResult r) {
        return String.format(
                Locale.ROOT,
                "%,d | %,.0f | %,d | %,d | %.2f | %.2f | %,d | %.0f | %.0f | %,d | %.0f | %d | %.1f",
                r.videos(),
                r.syncSegmentsPerSecond(),
                r.offsets().largestValueBytes(),
                r.offsets().totalBytes(),
                r.listingsPerIdlePoll(),
                r.listingsPerIdlePollScaledOut(),
                r.fullWalkRequests(),
                r.idleCpuMillis(),
                r.slowestPollMillis(),
                r.stateBytes(),
                r.heapMegabytes(),
                r.restartEmbeddingsCalls(),
                r.restartSeconds());
    }

    void print(List<SourceScaleResult> results) {
        out.println("N | sync segments/s | largest offset record (B) | offsets-topic bytes"
                + " | listing requests a quiet poll interval, all tasks, tasks.max=2 | same, tasks.max=8"
                + " | whole-listing requests a reconciliation (all tasks)"
                + " | quiet CPU ms (10 s after an offset commit, task threads)"
                + " | slowest poll across a reconciliation (ms, poll-batch-max-time-ms)"
                + " | task state bytes (index + walk, all tasks) | JVM heap MB after GC (over the simulator's)"
                + " | restart embeddings calls | restart seconds");
        results.forEach(result -> out.println(row(result)));
        if (results.isEmpty()) {
            return;
        }
        SourceScaleResult smallest = results.get(0);
        SourceScaleResult largest = results.get(results.size() - 1);
        out.printf(
                Locale.ROOT,
                "sync rate at %,d / at %,d videos: %.2f (target >= 0.8)%n",
                largest.videos(),
                smallest.videos(),
                largest.syncSegmentsPerSecond() / smallest.syncSegmentsPerSecond());
        results.forEach(result -> out.printf(
                Locale.ROOT,
                "quiet poll requests / one reconciliation's requests at %,d videos: %.4f%% (target <= 1%%)%n",
                result.videos(),
                100 * result.idleToFullWalk()));
        results.forEach(result -> out.printf(
                Locale.ROOT,
                "quiet poll requests with 8 tasks / with 2 at %,d videos: %.2f%n",
                result.videos(),
                result.listingsPerIdlePollScaledOut() / result.listingsPerIdlePoll()));
        results.forEach(result -> out.printf(
                Locale.ROOT,
                "largest offset record at %,d videos: %,d bytes (target <= %,d) %s%n",
                result.videos(),
                result.offsets().largestValueBytes(),
                MAX_OFFSET_BYTES,
                result.offsets().largestValueBytes() <= MAX_OFFSET_BYTES ? "met" : "MISSED"));
        results.forEach(result -> out.printf(
                Locale.ROOT,
                "embeddings calls after a restart at %,d videos: %d (target 0) %s%n",
                result.videos(),
                result.restartEmbeddingsCalls(),
                result.restartEmbeddingsCalls() == 0 ? "met" : "MISSED"));
    }
}
