/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import io.vecsync.bench.common.BenchmarkMain;
import io.vecsync.bench.common.SegmentRow;
import io.vecsync.bench.common.SegmentRows;
import io.vecsync.bench.common.SegmentTopic;
import io.vecsync.bench.pgvector.InterleavedRounds.Round;
import io.vecsync.embedded.EmbeddedConnect;
import io.vecsync.embedded.EmbeddedKafka;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures, on the same segments and PostgreSQL server, the docs' per-row loop, raw COPY BINARY, and the pgvector sink
 * through a real Connect worker without an index, with one, and in initial-load mode.
 */
public final class PgVectorBenchmark {

    private static final long SEED = 42L;
    /** The JIT spends seconds of CPU on the first two runs through Connect; the third runs compiled code. */
    private static final int CONNECT_WARM_UP_ROUNDS = 2;

    private static final String TOPIC = "bench-segments";
    private static final String PREFIX_TOPIC = "bench-segments-prefix";
    private static final String EXTRA_TOPIC = "bench-segments-extra";

    private PgVectorBenchmark() {}

    public static void main(String[] args) {
        BenchmarkMain.run(args, PgBenchOptions::parse, PgVectorBenchmark::run);
    }

    static void run(PgBenchOptions options, PrintStream report) throws Exception {
        int n = options.segments();
        int m = options.indexedSegments();
        // N segments for every variant; M more only for (c-index) onto a table that already holds the N.
        List<SegmentRow> all = SegmentRows.generate(n + m, SEED);
        List<SegmentRow> rows = all.subList(0, n);
        List<SegmentRow> prefix = all.subList(0, m);
        List<SegmentRow> extra = all.subList(n, n + m);
        try (PgDatabase db = PgDatabase.connect(options.pgUrl())) {
            List<PgRun> bareTask = withoutConnect(db, rows);
            // Reported (a), (b), (c), then (d).
            List<PgRun> runs = new ArrayList<>(throughConnect(db, options, rows, prefix, extra));
            runs.addAll(bareTask);
            new PgReport(options, db.serverVersion(), db.checkpointRefusal(), report).print(runs);
        }
    }

    /** (d), before the Connect cluster starts, so that this JVM's CPU is the sink task's alone. */
    private static List<PgRun> withoutConnect(PgDatabase db, List<SegmentRow> rows) throws Exception {
        // Unmeasured: in a fresh JVM the JIT spends seconds of CPU compiling the converter's and the sink's code.
        BareSinkTask.convertAndPut(db, rows);
        BareSinkTask.putOnly(db, rows);
        return List.of(
                BareSinkTask.putOnly(db, rows).logged(),
                BareSinkTask.convertAndPut(db, rows).logged());
    }

    /**
     * (c): the sink on a real worker, reading topics filled beforehand; the (c-none) variants as connectors that keep
     * running between their rounds, but one made anew each round. (a) and (b) run in the same rounds as (c-none),
     * so that the ratios the issue sets compare rates measured within seconds of each other: this machine's speed
     * drifted by up to 1.3x between the start of a run and its Connect variants.
     */
    private static List<PgRun> throughConnect(
            PgDatabase db,
            PgBenchOptions options,
            List<SegmentRow> rows,
            List<SegmentRow> prefix,
            List<SegmentRow> extra)
            throws Exception {
        List<PgRun> runs = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Map.of());
                EmbeddedConnect connect =
                        EmbeddedConnect.start(kafka, Map.of("connector.client.config.override.policy", "All"))) {
            SegmentTopic.fill(kafka, TOPIC, rows);
            SegmentTopic.fill(kafka, PREFIX_TOPIC, prefix);
            SegmentTopic.fill(kafka, EXTRA_TOPIC, extra);
            SinkRunner sink = new SinkRunner(connect, db);
            for (int round = 1; round <= CONNECT_WARM_UP_ROUNDS; round++) {
                sink.run(SinkVariant.warmUp(round), TOPIC, rows).logged();
            }
            List<Round> variants = new ArrayList<>(List.of(
                    round -> RawCopy.DOCS_TABLE.run(db, rows),
                    round -> RawCopy.SINK_TABLE.run(db, rows),
                    round -> RawCopy.SINK_TABLE_BATCHES.run(db, rows)));
            options.docsPython()
                    .ifPresentOrElse(
                            docsPython -> variants.add(0, round -> DocsLoop.run(docsPython, db, rows)),
                            () -> System.err.println(
                                    "(a) the docs' loop is left out: no Python with their clients (bin/docs-loops-provision)"));
            List<SinkRunner.RunningSink> running = new ArrayList<>();
            try {
                for (SinkVariant variant : List.of(
                        SinkVariant.NO_INDEX,
                        SinkVariant.NO_INDEX_TWO_TASKS,
                        SinkVariant.NO_INDEX_LARGE_FETCHES,
                        SinkVariant.NO_INDEX_JSON_CONVERTER)) {
                    SinkRunner.RunningSink connector = sink.start(variant, rows);
                    running.add(connector);
                    variants.add(round -> connector.round());
                }
                SinkVariant created = SinkVariant.NO_INDEX_NEW_CONNECTOR;
                variants.add(round -> {
                    // Each round is a connector of its own; its result goes under the variant's name.
                    PgRun run = sink.run(created.round(round), TOPIC, rows);
                    return new PgRun(created.name(), created.label(), run.rows(), run.cost(), run.sink());
                });
                runs.addAll(InterleavedRounds.medians(variants));
            } finally {
                for (SinkRunner.RunningSink connector : running) {
                    connector.close();
                }
            }
            runs.add(sink.run(SinkVariant.INDEX, PREFIX_TOPIC, prefix).logged());
            runs.add(sink.run(SinkVariant.INDEX_TWO_TASKS, PREFIX_TOPIC, prefix).logged());
            runs.add(sink.runOnto(SinkVariant.INDEX_ONTO_LOADED, EXTRA_TOPIC, rows, extra)
                    .logged());
            runs.add(sink.run(SinkVariant.INITIAL_LOAD, TOPIC, rows).logged());
            runs.add(sink.run(SinkVariant.INDEX_FULL, TOPIC, rows).logged());
        }
        return runs;
    }
}
