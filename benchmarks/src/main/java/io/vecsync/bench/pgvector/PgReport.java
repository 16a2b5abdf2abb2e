/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import io.vecsync.bench.common.Activity;
import io.vecsync.bench.common.CpuUse;
import io.vecsync.bench.common.SegmentTopic;
import io.vecsync.bench.common.SinkStats;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints the pgvector benchmark's results: rows/s per variant, the targets, and where the time went. */
final class PgReport {

    private static final String LABEL = "%-66s";

    private final PgBenchOptions options;
    private final String server;
    private final Optional<String> checkpointRefusal;
    private final PrintStream out;

    PgReport(PgBenchOptions options, String server, Optional<String> checkpointRefusal, PrintStream out) {
        this.options = options;
        this.server = server;
        this.checkpointRefusal = checkpointRefusal;
        this.out = out;
    }

    void print(List<PgRun> runs) {
        out.printf(
                Locale.ROOT,
                "%nvecsync pgvector benchmark — %,d segments (1024-d float32 unit vectors, uuid5 ids), %d cores, %s%n",
                options.segments(),
                Runtime.getRuntime().availableProcessors(),
                server);
        out.printf(
                Locale.ROOT,
                "All measured in this run: one run of each variant, but %d rounds (reported by the median) of"
                        + " (a), (b) and (c-none), interleaved, each round starting one variant later than the last. Connect variants"
                        + " read %d-partition topics filled before they start, with the sink's default batch.size (%,d), max.poll.records=%,d,"
                        + " JSON values with base64 float32_le vectors, read as the shipped configs do (ByteArrayConverter: the sink"
                        + " parses the JSON text) but where a row says JsonConverter. The (c-none)"
                        + " variants but one are connectors that keep running, as deployed ones do: each was created and wrote the"
                        + " N rows once before the rounds, and is paused between them; a round appends the N rows to its topic, times"
                        + " them from resuming it, then empties its table. It times neither a connector's start nor the JIT's work on"
                        + " a new connector's code. \"a new connector each round\" times both.%n",
                InterleavedRounds.ROUNDS,
                SegmentTopic.PARTITIONS,
                SinkVariant.SINK_BATCH_SIZE,
                SegmentTopic.POLL_RECORDS);
        out.println(checkpointRefusal
                .map(refusal -> "CHECKPOINT refused (" + refusal + "): the server's checkpoints may fall"
                        + " into the timings.")
                .orElse("A CHECKPOINT before each timing: no variant writes out the dirty buffers of the one before."));
        printThroughput(runs);
        printTargets(runs);
        printCosts(runs);
        printQuoted();
    }

    private void printThroughput(List<PgRun> runs) {
        out.printf(
                Locale.ROOT,
                "%n" + LABEL + " %8s %9s %9s %9s  %s%n",
                "variant (measured)",
                "rows",
                "seconds",
                "rows/s",
                "steady/s",
                "rounds (steady/s)");
        for (PgRun run : runs) {
            String rounds = run.roundRates().isEmpty()
                    ? ""
                    : "median of "
                            + run.roundRates().stream()
                                    .map(rate -> String.format(Locale.ROOT, "%,.0f", rate))
                                    .collect(Collectors.joining(", "));
            out.printf(
                    Locale.ROOT,
                    LABEL + " %,8d %9.1f %,9.0f %,9.0f  %s%n",
                    run.label(),
                    run.rows(),
                    run.cost().seconds(),
                    run.rowsPerSecond(),
                    run.steadyRowsPerSecond(),
                    rounds);
            run.sink().filter(sink -> sink.indexSeenAtRows() >= 0).ifPresent(sink -> {
                double build = run.cost().seconds() - sink.loadSeconds();
                out.printf(
                        Locale.ROOT,
                        "    of which load %.1f s (%,.0f rows/s) and HNSW build %.1f s (%,.0f rows/s alone); the index"
                                + " appeared with %,d of %,d rows in the table%n",
                        sink.loadSeconds(),
                        run.rows() / sink.loadSeconds(),
                        build,
                        run.rows() / build,
                        sink.indexSeenAtRows(),
                        run.rows());
                if (sink.indexSeenAtRows() < run.rows()) {
                    out.println("    WARNING: the build began before the backlog was drained (a put() of fewer than"
                            + " pgvector.initial.load.caught.up.records records came mid-load); the rows written after its start"
                            + " were indexed one at a time, at the (c-index) rate.");
                }
            });
        }
        out.printf(
                Locale.ROOT,
                "(c-index) with the index present each insert walks the HNSW graph, which grows as rows come."
                        + " \"all N rows\" writes the same N as the other variants; the others write M = %,d (--indexed-segments):"
                        + " the first M of the N into an empty table, or M more onto the table holding the N segments and their index"
                        + " (loaded and indexed before the timing).%n",
                options.indexedSegments());
        out.printf(
                Locale.ROOT,
                "rows/s: Connect variants from creating the connector (resuming it, for the running ones) until the tasks'"
                        + " metrics counted every row written (read every 5 ms; SELECT count(*) confirms) and, in initial-load mode, the"
                        + " HNSW index was valid. steady/s: the Connect variants' rows after their first batch over the time after"
                        + " it, so that the worker's start-up or resume is left out as (a) and (b) leave out their session's (they"
                        + " time their rows alone); the same as rows/s for the others. (d): the sink task without Kafka or a worker,"
                        + " %,d records a put(), its table created before the timing.%n",
                SegmentTopic.POLL_RECORDS);
    }

    private void printTargets(List<PgRun> runs) {
        PgRun docsLoop = find(runs, DocsLoop.KEY);
        PgRun rawCopy = find(runs, RawCopy.DOCS_TABLE.key());
        PgRun rawCopySinkTable = find(runs, RawCopy.SINK_TABLE.key());
        PgRun noIndex = find(runs, SinkVariant.NO_INDEX.name());
        PgRun index = find(runs, SinkVariant.INDEX_FULL.name());
        PgRun initialLoad = find(runs, SinkVariant.INITIAL_LOAD.name());
        out.printf(
                Locale.ROOT,
                "%n%-54s %9s %8s  %-7s %s%n",
                "the issue's targets (ratios of steady rates)",
                "ratio",
                "target",
                "verdict",
                "of rows/s");
        target("(c-index)/(a)  sink vs the docs' loop, both indexed", index, docsLoop, 10);
        target("(c-none)/(a)  sink without index vs the docs' loop", noIndex, docsLoop, 10);
        target("(c-none)/(b)  sink vs raw COPY", noIndex, rawCopy, 0.9);
        target("(c-none)/(b, sink's table)", noIndex, rawCopySinkTable, 0.9);
        target("(c-initial-load)/(c-index)", initialLoad, index, 5);
        out.println("These compare the tasks.max=1 variants on the same N rows, (c-index) into an empty table."
                + " The last column divides rows/s instead: the (c) variants' resume or start-up in their time. The same"
                + " ratios with a new connector each round, and with the best of the other variants:");
        PgRun newConnector = find(runs, SinkVariant.NO_INDEX_NEW_CONNECTOR.name());
        target("(c-none, a new connector each round)/(a)", newConnector, docsLoop, 10);
        target("(c-none, a new connector each round)/(b)", newConnector, rawCopy, 0.9);
        PgRun bestNoIndex = best(
                runs,
                SinkVariant.NO_INDEX_TWO_TASKS,
                SinkVariant.NO_INDEX_LARGE_FETCHES,
                SinkVariant.NO_INDEX_JSON_CONVERTER);
        target("(c-none, " + shortName(bestNoIndex) + ")/(a)", bestNoIndex, docsLoop, 10);
        target("(c-none, " + shortName(bestNoIndex) + ")/(b)", bestNoIndex, rawCopy, 0.9);
        target("(c-none, " + shortName(bestNoIndex) + ")/(b, sink's table)", bestNoIndex, rawCopySinkTable, 0.9);
        target("(c-initial-load)/(c-index, first M rows)", initialLoad, find(runs, SinkVariant.INDEX.name()), 5);
        target(
                "(c-initial-load)/(c-index, first M rows, 2 tasks)",
                initialLoad,
                find(runs, SinkVariant.INDEX_TWO_TASKS.name()),
                5);
        target(
                "(c-initial-load)/(c-index, M onto N rows)",
                initialLoad,
                find(runs, SinkVariant.INDEX_ONTO_LOADED.name()),
                5);
    }

    /** The variant's label after "(c-none) same, ". */
    private static String shortName(PgRun run) {
        return run.label().substring(run.label().indexOf(", ") + 2);
    }

    private void target(String name, PgRun measured, PgRun baseline, double target) {
        if (measured == null || baseline == null) {
            out.printf(Locale.ROOT, "%-54s not run%n", name);
            return;
        }
        double ratio = measured.steadyRowsPerSecond() / baseline.steadyRowsPerSecond();
        out.printf(
                Locale.ROOT,
                "%-54s %8.2fx %8s  %-7s %.2fx%n",
                name,
                ratio,
                ">= " + formatTarget(target),
                ratio >= target ? "met" : "MISSED",
                measured.rowsPerSecond() / baseline.rowsPerSecond());
    }

    /** 10 as "10x", 0.9 as "0.9x". */
    private static String formatTarget(double target) {
        return (target == Math.rint(target) ? Long.toString((long) target) : Double.toString(target)) + "x";
    }

    private void printCosts(List<PgRun> runs) {
        out.printf(Locale.ROOT, "%nwhere the time went (measured; CPU in us per row)%n");
        out.printf(
                Locale.ROOT,
                LABEL + " %7s %7s %7s %6s %7s %7s %7s %7s %7s %6s %6s%n",
                "variant",
                "wall s",
                "1st row",
                "write s",
                "rows/w",
                "JVM",
                "task",
                "writer",
                "broker",
                "PG",
                "cores",
                "others");
        for (PgRun run : runs) {
            CpuUse jvm = run.cost().jvm();
            out.printf(
                    Locale.ROOT,
                    LABEL + " %7.1f %7s %7s %6s %7.0f %7s %7s %7s %7.0f %6.2f %6.2f%n",
                    run.label(),
                    run.cost().seconds(),
                    sinkValue(run, sink -> String.format(Locale.ROOT, "%.1f", sink.firstRowSeconds())),
                    sinkValue(run, sink -> String.format(Locale.ROOT, "%.1f", sink.writeSeconds())),
                    sinkValue(
                            run,
                            sink -> String.format(
                                    Locale.ROOT, "%,.0f", (double) run.rows() / Math.max(1, sink.writes()))),
                    run.microsPerRow(jvm.process()),
                    sinkValue(
                            run,
                            sink -> String.format(Locale.ROOT, "%.0f", run.microsPerRow(jvm.of(Activity.TASK_THREAD)))),
                    sinkValue(
                            run,
                            sink -> String.format(Locale.ROOT, "%.0f", run.microsPerRow(jvm.of(Activity.SINK_WRITER)))),
                    sinkValue(
                            run, sink -> String.format(Locale.ROOT, "%.0f", run.microsPerRow(jvm.of(Activity.BROKER)))),
                    run.microsPerRow(run.cost().server()),
                    (jvm.process() + run.cost().server()) / jvm.wall(),
                    run.cost().othersCores());
        }
        out.println(
                "1st row: seconds until the first batch was written (a new connector: task start, table check, group join,"
                        + " first fetch; a resumed one: the resume and the first fetch). write s: time the tasks spent in PostgreSQL"
                        + " writes (COPY, or a JDBC batch of upserts, and commit), summed over tasks. rows/w: mean rows per bulk write. JVM: this whole process"
                        + " (for (d), which runs before the Connect cluster starts, the client alone; (a) and (b) run in the rounds of"
                        + " (c-none), beside the idle cluster). task: Connect's task threads (fetch, converters, the sink's record"
                        + " conversion). writer: the sink's writer threads (rows encoded for COPY, the JDBC driver). PG: the PostgreSQL"
                        + " server's processes (NaN when it is not on this machine). cores: (JVM + PG) CPU / wall. others: cores that other"
                        + " processes on this machine kept busy meanwhile; above ~0.2 the row's figures are depressed by contention.");
        List<String> contended = runs.stream()
                .filter(run -> run.cost().othersCores() > 0.2)
                .map(PgRun::label)
                .toList();
        if (!contended.isEmpty()) {
            out.println("CONTENDED: other processes took more than 0.2 cores during " + String.join("; ", contended)
                    + ". Run again on a quiet machine before trusting those rows.");
        }
        PgRun noIndex = find(runs, SinkVariant.NO_INDEX.name());
        noIndex.sink()
                .ifPresent(sink -> out.printf(
                        Locale.ROOT,
                        "(c-none) tasks.max=1: %.1f s = %.1f s until the first row + %.1f s"
                                + " after it, of which the writer spent %.1f s in PostgreSQL writes (the task thread fetches and converts"
                                + " meanwhile; records that come during a write go into the next); after the first batch (%,d rows) %,.0f rows/s%n",
                        sink.loadSeconds(),
                        sink.firstRowSeconds(),
                        sink.loadSeconds() - sink.firstRowSeconds(),
                        sink.writeSeconds(),
                        sink.rowsAtFirstRow(),
                        noIndex.steadyRowsPerSecond()));
        PgRun oneTransaction = find(runs, RawCopy.SINK_TABLE.key());
        PgRun batches = find(runs, RawCopy.SINK_TABLE_BATCHES.key());
        out.printf(
                Locale.ROOT,
                "PostgreSQL CPU a row: raw COPY into the sink's table %.1f us in one transaction, %.1f us in the"
                        + " sink's batches (%,.0f rows/s), %.1f us under (c-none) tasks.max=1, beside the worker's JVM%n",
                oneTransaction.microsPerRow(oneTransaction.cost().server()),
                batches.microsPerRow(batches.cost().server()),
                batches.steadyRowsPerSecond(),
                noIndex.microsPerRow(noIndex.cost().server()));
    }

    private void printQuoted() {
        out.printf(
                Locale.ROOT,
                "%nquoted from /work/shared/reference/perf-floors.md (this machine, earlier runs, N=20k / 100k; not"
                        + " measured here), rows/s:%n");
        out.println(
                "  docs' psycopg loop 2.5-2.7k / 1.6k; JDBC batch 1000 (reWriteBatchedInserts) 15-19k / 17-19k; COPY BINARY"
                        + " via temp staging + ON CONFLICT 12-15k / 12.6-13.7k; COPY BINARY direct 18-23k / 20-26k;");
        out.println(
                "  HNSW present: 127-129 (empty table -> 20k), 90-93 (at 85k-100k rows); HNSW build after load: 408-426 (20k) /"
                        + " 565-727 (100k) rows/s equivalent.");
    }

    private static String sinkValue(PgRun run, Function<SinkStats, String> value) {
        return run.sink().map(value).orElse("-");
    }

    private static PgRun best(List<PgRun> runs, SinkVariant... variants) {
        return List.of(variants).stream()
                .map(variant -> find(runs, variant.name()))
                .max(Comparator.comparingDouble(PgRun::steadyRowsPerSecond))
                .orElseThrow();
    }

    /** The variant's result; null for one left out (the docs' loop without their Python). */
    private static PgRun find(List<PgRun> runs, String key) {
        return runs.stream().filter(run -> run.key().equals(key)).findFirst().orElse(null);
    }
}
