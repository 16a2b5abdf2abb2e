/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

import io.vecsync.bench.common.SegmentTopic;
import io.vecsync.bench.common.SinkStats;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the store sink benchmark's results: points/s of each store's sink against (b), and the ratio the issue targets. */
final class StoreSinkReport {

    /** The target for (a)/(b) on the stores with a real server here. */
    static final double TARGET = 10;

    private final StoreSinkOptions options;
    private final PrintStream out;

    StoreSinkReport(StoreSinkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void print(List<StoreSinkResult> results, List<String> leftOut) {
        out.printf(
                Locale.ROOT,
                "%nvecsync store sink benchmark — %,d segments (1024-d float32 unit vectors, uuid5 ids, 10 a video), %d cores%n",
                options.segments(),
                Runtime.getRuntime().availableProcessors());
        out.printf(
                Locale.ROOT,
                "(a) the store's sink through a real Connect worker: a %d-partition topic filled before the connector"
                        + " is created, tasks.max=1, batch.size=%d, max.poll.records=%2$d, JSON values with base64 float32_le vectors;"
                        + " from creating the connector until the store held every point (counted every 100 ms, pgvector's every 200 ms).%n",
                SegmentTopic.PARTITIONS,
                SegmentTopic.POLL_RECORDS);
        out.printf(
                Locale.ROOT,
                "(b) WRITES ONLY THE FIRST %,d OF THE %,d SEGMENTS (--baseline-segments), the same ones. Where the"
                        + " store has a real server here: the platform docs' own Python code (benchmarks/python/docs_loops.py, with the"
                        + " clients the docs install, pinned by bin/docs-loops-provision), its target set up first, timed from \"go\" until"
                        + " it reported, its count of the target checked. Qdrant and Pinecone have no server here, only their"
                        + " protocol-level fakes: their official Java client, one upsert request a point as the docs' snippets loop, after"
                        + " an unmeasured loop of %,d into another target.%n",
                options.baselineSegments(),
                options.segments(),
                Math.min(options.segments(), StoreSinkDirectLoop.WARM_UP_POINTS));
        printThroughput(results);
        leftOut.forEach(line -> out.println("LEFT OUT: " + line));
        printCosts(results);
    }

    private void printThroughput(List<StoreSinkResult> results) {
        out.printf(
                Locale.ROOT,
                "%n%-10s %10s %7s %11s   %10s %7s %11s   %8s   %s%n",
                "store",
                "(a) points",
                "(a) s",
                "(a) pts/s",
                "(b) points",
                "(b) s",
                "(b) pts/s",
                "(a)/(b)",
                "target");
        for (StoreSinkResult result : results) {
            StoreSinkRun sink = result.sink();
            StoreSinkRun direct = result.direct();
            String target = result.realServer()
                    ? String.format(Locale.ROOT, ">= %.0fx %s", TARGET, result.ratio() >= TARGET ? "met" : "MISSED")
                    : "none: a fake";
            out.printf(
                    Locale.ROOT,
                    "%-10s %,10d %7.1f %,11.0f   %,10d %7.1f %,11.0f   %7.1fx   %s%n",
                    result.store(),
                    sink.points(),
                    sink.cost().seconds(),
                    sink.pointsPerSecond(),
                    direct.points(),
                    direct.cost().seconds(),
                    direct.pointsPerSecond(),
                    result.ratio(),
                    target);
        }
        for (StoreSinkResult result : results) {
            out.printf(Locale.ROOT, "%s: (a) into %s; (b) %s.%n", result.store(), result.served(), result.baseline());
        }
        out.println(
                "(a)/(b) divides (a)'s rate, its connector's start-up included, by (b)'s over its loop alone. A fake keeps"
                        + " points in memory and indexes nothing, so its rates are the client side's cost alone (batching, serialisation"
                        + " and requests, plus Kafka, the worker and the JsonConverter for (a)): no target is set for them.");
    }

    private void printCosts(List<StoreSinkResult> results) {
        out.printf(Locale.ROOT, "%nwhere the time went (measured)%n");
        out.printf(
                Locale.ROOT,
                "%-10s %9s %9s %8s %10s %12s %12s %12s %12s %9s %9s%n",
                "store",
                "1st pt s",
                "after/s",
                "write s",
                "pts/write",
                "JVM us/pt a",
                "JVM us/pt b",
                "outs us/pt a",
                "outs us/pt b",
                "others a",
                "others b");
        for (StoreSinkResult result : results) {
            StoreSinkRun sink = result.sink();
            StoreSinkRun direct = result.direct();
            SinkStats stats = sink.sink().orElseThrow();
            double steady = stats.steadyRowsPerSecond(sink.points(), stats.loadSeconds());
            out.printf(
                    Locale.ROOT,
                    "%-10s %9.1f %9s %8.1f %,10.0f %12.0f %12.0f %12.0f %12.0f %9.2f %9.2f%n",
                    result.store(),
                    stats.firstRowSeconds(),
                    Double.isNaN(steady) ? "-" : String.format(Locale.ROOT, "%,.0f", steady),
                    stats.writeSeconds(),
                    (double) sink.points() / Math.max(1, stats.writes()),
                    sink.microsPerPoint(sink.cost().jvm().process()),
                    direct.microsPerPoint(direct.cost().jvm().process()),
                    sink.microsPerPoint(sink.cost().outside()),
                    direct.microsPerPoint(direct.cost().outside()),
                    sink.cost().othersCores(),
                    direct.cost().othersCores());
        }
        out.println(
                "1st pt s: seconds until the store held a point (task start, target creation, group join, first fetch). after/s:"
                        + " points/s after the first count (-: all came within one count). write s: time the task spent in the store's writes"
                        + " (client + store), of (a)'s wall time. pts/write: mean points per bulk write. JVM us/pt: this process's CPU per"
                        + " point: the clients, the fakes and, for (a), the broker and the worker. outs us/pt: CPU per point outside it:"
                        + " the store's server (PostgreSQL, Weaviate, Chroma) and the docs' Python, with Chroma's embedded store in it."
                        + " others: cores other processes on this machine kept busy meanwhile; above ~0.2 the row's figures are depressed"
                        + " by contention.");
        List<String> contended = results.stream()
                .filter(result -> result.sink().cost().othersCores() > 0.2
                        || result.direct().cost().othersCores() > 0.2)
                .map(StoreSinkResult::store)
                .toList();
        if (!contended.isEmpty()) {
            out.println("CONTENDED: other processes took more than 0.2 cores during " + String.join(", ", contended)
                    + ". Run again on a quiet machine before trusting those rows.");
        }
    }
}
