/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import io.vecsync.bench.common.Activity;
import io.vecsync.bench.common.CpuUse;
import io.vecsync.bench.common.ProducerStats;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the benchmark's results, keeping what was measured apart from what is quoted. */
final class SourceReport {

    /** A 1024-d float32 vector's raw size: no record of a segment can be smaller. */
    static final int FLOOR_BYTES = 1024 * Float.BYTES;
    /** Quoted from /work/shared/reference/perf-floors.md (Jackson, JSON to float[], 1024-d), not measured here. */
    private static final double QUOTED_PARSE_MICROS = 174;

    private final int videos;
    private final int segments;
    private final PrintStream out;

    SourceReport(int videos, int segments, PrintStream out) {
        this.videos = videos;
        this.segments = segments;
        this.out = out;
    }

    void print(List<Rounds> variants) {
        out.printf(
                Locale.ROOT,
                "%nvecsync source benchmark — %,d videos, %,d segments, %d cores"
                        + " (median of %d rounds; tasks.max=1, fetch.concurrency=4, poll.interval.ms=1000)%n",
                videos,
                segments,
                Runtime.getRuntime().availableProcessors(),
                variants.get(0).results().size());
        printThroughput(variants);
        printComparisons(variants);
        printCpu(variants);
        printProducer(variants);
        printChecks(variants);
    }

    private void printThroughput(List<Rounds> variants) {
        out.printf(
                Locale.ROOT,
                "%-26s %11s %15s %13s %14s %17s%n",
                "encoding",
                "segments/s",
                "(all rounds)",
                "bytes/record",
                "x floor(4096)",
                "embeddings calls");
        for (Rounds rounds : variants) {
            RunResult r = rounds.median();
            out.printf(
                    Locale.ROOT,
                    "%-26s %,11.0f %15s %,13.0f %14.2f %17d%n",
                    rounds.variant().label(),
                    r.segmentsPerSecond(),
                    String.format(
                            Locale.ROOT,
                            "(%,.0f-%,.0f)",
                            rounds.slowest().segmentsPerSecond(),
                            rounds.fastest().segmentsPerSecond()),
                    r.size().total(),
                    r.size().total() / FLOOR_BYTES,
                    r.embeddingsCalls());
        }
        out.println(
                "measured. segments/s: from creating the connector to the last segment on the topic."
                        + " bytes/record: key + value as a consumer receives them. embeddings calls: in one round, one per video is right.");
    }

    private void printComparisons(List<Rounds> variants) {
        double floatArray = find(variants, Variant.FLOAT_ARRAY).median().size().total();
        double float32 = find(variants, Variant.FLOAT32_LE).median().size().total();
        out.printf(
                Locale.ROOT,
                "%nmeasured: float_array/float32_le bytes per record = %.2fx (schemaless JSON)%n",
                floatArray / float32);
        double ceiling = 1e6 / QUOTED_PARSE_MICROS;
        out.printf(
                Locale.ROOT,
                "quoted from perf-floors.md, not measured here: Jackson parses a 1024-d vector from JSON in ~%.0f us,"
                        + " so one core parses at most ~%,.0f segments/s.%n",
                QUOTED_PARSE_MICROS,
                ceiling);
        out.print("measured segments/s as a fraction of that one-core ceiling:");
        variants.forEach(rounds -> out.printf(
                Locale.ROOT,
                " %s %.2f;",
                rounds.variant().label(),
                rounds.median().segmentsPerSecond() / ceiling));
        out.printf(
                Locale.ROOT,
                "%n(the fetch pool parses on up to fetch.concurrency threads, so above 1 is possible; the parse cost"
                        + " measured here is the fetch+parse column below)%n");
    }

    private void printCpu(List<Rounds> variants) {
        out.printf(Locale.ROOT, "%nwhere the CPU went in the median round (measured: CPU us per segment, by thread)%n");
        out.printf(Locale.ROOT, "%-26s %6s %9s %10s", "encoding", "wall s", "1st rec s", "cores busy");
        for (Activity activity : Activity.values()) {
            out.printf(Locale.ROOT, " %12s", activity.label());
        }
        out.printf(Locale.ROOT, " %6s %16s%n", "other", "task thread busy");
        for (Rounds rounds : variants) {
            RunResult r = rounds.median();
            CpuUse cpu = r.cpu();
            out.printf(
                    Locale.ROOT,
                    "%-26s %6.1f %9.1f %10.2f",
                    rounds.variant().label(),
                    r.seconds(),
                    r.firstRecordSeconds(),
                    cpu.process() / cpu.wall());
            for (Activity activity : Activity.values()) {
                out.printf(Locale.ROOT, " %12.0f", r.microsPerSegment(cpu.of(activity)));
            }
            out.printf(
                    Locale.ROOT,
                    " %6.0f %15.0f%%%n",
                    r.microsPerSegment(cpu.other()),
                    100 * cpu.of(Activity.TASK_THREAD) / cpu.wall());
        }
        out.println(
                "fetch+parse: the connector's fetch pool, which parses the platform's JSON. task thread: Connect's task thread"
                        + " building records, running the JsonConverter and handing them to the producer. other: the worker, GC and"
                        + " the JIT compiler, whose threads Java's per-thread counters do not show. cores busy: process CPU / wall.");
    }

    private void printProducer(List<Rounds> variants) {
        out.printf(Locale.ROOT, "%nthe source task's producer in the median round (measured: its JMX metrics)%n");
        out.printf(
                Locale.ROOT,
                "%-26s %16s %12s %19s %15s%n",
                "encoding",
                "records/request",
                "batch bytes",
                "request latency ms",
                "send blocked s");
        for (Rounds rounds : variants) {
            ProducerStats p = rounds.median().producer();
            out.printf(
                    Locale.ROOT,
                    "%-26s %16.1f %,12.0f %19.1f %15.1f%n",
                    rounds.variant().label(),
                    p.recordsPerRequest(),
                    p.batchBytes(),
                    p.requestLatencyMs(),
                    p.bufferWaitSeconds());
        }
        out.println(
                "Connect's producer defaults: acks=all, max.in.flight.requests.per.connection=1, batch.size=16384, linger.ms=5."
                        + " send blocked: time send() waited for room in the producer's buffer.");
    }

    private void printChecks(List<Rounds> variants) {
        for (Rounds rounds : variants) {
            for (RunResult r : rounds.results()) {
                // The records also carry the source's index offsets, on tombstones of ids no segment has.
                if (r.size().liveKeys() != segments || r.records() < segments || r.embeddingsCalls() != videos) {
                    out.printf(
                            Locale.ROOT,
                            "WARNING %s: %,d records, %,d live keys, %,d embeddings calls; expected at least %,d, then %,d"
                                    + " and %,d%n",
                            rounds.variant().label(),
                            r.records(),
                            r.size().liveKeys(),
                            r.embeddingsCalls(),
                            segments,
                            segments,
                            videos);
                }
            }
        }
    }

    private static Rounds find(List<Rounds> variants, Variant variant) {
        return variants.stream()
                .filter(rounds -> rounds.variant().equals(variant))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + variant.label()));
    }
}
