/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

import io.vecsync.bench.common.BenchmarkMain;
import io.vecsync.bench.common.DocsLoopScript;
import io.vecsync.bench.common.SegmentRow;
import io.vecsync.bench.common.SegmentRows;
import io.vecsync.bench.common.SegmentTopic;
import io.vecsync.bench.pgvector.DocsLoop;
import io.vecsync.bench.pgvector.PgDatabase;
import io.vecsync.bench.pgvector.SinkRunner;
import io.vecsync.bench.pgvector.SinkVariant;
import io.vecsync.embedded.EmbeddedConnect;
import io.vecsync.embedded.EmbeddedKafka;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Measures, on the same segments, each store's sink through a real Connect worker against (b): the platform docs' own
 * Python loop for the stores with a real server here (Weaviate, Chroma, pgvector), and for Qdrant and Pinecone, which
 * have only protocol-level fakes here, the official Java client writing one point per request.
 */
public final class StoreSinkBenchmark {

    private static final long SEED = 42L;
    /** Unmeasured runs of each write path first: in a fresh JVM the JIT spends seconds of CPU on the first pass. */
    private static final int SINK_WARM_UP_POINTS = 2_000;

    private static final String TOPIC = "store-bench-segments";
    private static final String WARM_UP_TOPIC = "store-bench-warm-up";
    private static final String NO_PYTHON = "no Python with the docs' clients (" + DocsLoopScript.PYTHON_OPTION
            + " or $VECSYNC_DOCS_PYTHON: bin/docs-loops-provision could not install them)";
    /** Without an index, as the pgvector benchmark's (c-none); under names of its own, so its tables are not that benchmark's. */
    private static final SinkVariant PGVECTOR = new SinkVariant(
            "store-bench-pgvector", "pgvector sink, pgvector.index=none, tasks.max=1", "none", false, 1, Map.of());

    private static final SinkVariant PGVECTOR_WARM_UP =
            new SinkVariant("store-bench-pgvector-warm-up", "pgvector sink warm-up", "none", false, 1, Map.of());

    private StoreSinkBenchmark() {}

    public static void main(String[] args) {
        BenchmarkMain.run(args, StoreSinkOptions::parse, StoreSinkBenchmark::run);
    }

    static void run(StoreSinkOptions options, PrintStream report) throws Exception {
        List<SegmentRow> rows = SegmentRows.generate(options.segments(), SEED);
        Segments segments = new Segments(
                rows,
                rows.subList(0, Math.min(rows.size(), SINK_WARM_UP_POINTS)),
                rows.subList(0, Math.min(rows.size(), StoreSinkDirectLoop.WARM_UP_POINTS)),
                rows.subList(0, options.baselineSegments()));
        Optional<Path> python = options.docsPython();
        List<String> leftOut = new ArrayList<>();
        List<Supplier<StoreSinkTarget>> stores = new ArrayList<>(List.of(StoreSinkQdrant::new, StoreSinkPinecone::new));
        withServer(stores, leftOut, python, "Weaviate", options.weaviate(), "--weaviate-url", StoreSinkWeaviate::new);
        withServer(stores, leftOut, python, "Chroma", options.chroma(), "--chroma-url", StoreSinkChroma::new);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Map.of());
                EmbeddedConnect connect =
                        EmbeddedConnect.start(kafka, Map.of("connector.client.config.override.policy", "All"))) {
            // The pgvector benchmark's topic shape, so that the rates compare.
            SegmentTopic.fill(kafka, TOPIC, rows);
            SegmentTopic.fill(kafka, WARM_UP_TOPIC, segments.sinkWarmUp());
            StoreSinkConnectRun sinks = new StoreSinkConnectRun(connect);
            List<StoreSinkResult> results = new ArrayList<>();
            for (Supplier<StoreSinkTarget> open : stores) {
                try (StoreSinkTarget store = open.get()) {
                    sinks.run(
                            store,
                            "sink-warm-up",
                            WARM_UP_TOPIC,
                            segments.sinkWarmUp().size());
                    StoreSinkRun sink =
                            log(store.name(), "(a) sink through Connect", sinks.run(store, "sink", TOPIC, rows.size()));
                    StoreSinkBaseline baseline = store.baseline();
                    StoreSinkRun direct = log(
                            store.name(),
                            "(b) " + baseline.label(),
                            baseline.run(segments.directWarmUp(), segments.baseline()));
                    results.add(new StoreSinkResult(
                            store.name(), store.served(), baseline.label(), store.realServer(), sink, direct));
                }
            }
            if (options.pgUrl().isEmpty()) {
                leftOut.add("pgvector: no server given (" + PgDatabase.URL_OPTION + " or $" + PgDatabase.URL_ENV + ")");
            } else if (python.isEmpty()) {
                leftOut.add("pgvector: " + NO_PYTHON);
            } else {
                results.add(pgvector(connect, options.pgUrl().get(), python.get(), segments));
            }
            new StoreSinkReport(options, report).print(results, leftOut);
        }
    }

    /** Adds a store with a real server, or says why it is left out: no server given, or no docs' Python for (b). */
    private static <A> void withServer(
            List<Supplier<StoreSinkTarget>> stores,
            List<String> leftOut,
            Optional<Path> python,
            String store,
            Optional<A> server,
            String serverOption,
            BiFunction<A, Path, StoreSinkTarget> open) {
        if (server.isEmpty()) {
            leftOut.add(store + ": no server given (" + serverOption
                    + "; the script starts one where its bin/*-provision can make it)");
        } else if (python.isEmpty()) {
            leftOut.add(store + ": " + NO_PYTHON);
        } else {
            stores.add(() -> open.apply(server.get(), python.get()));
        }
    }

    /** The pgvector sink as the pgvector benchmark runs it, against that benchmark's docs' loop, on this run's topic and rows. */
    private static StoreSinkResult pgvector(EmbeddedConnect connect, String url, Path python, Segments segments)
            throws Exception {
        try (PgDatabase db = PgDatabase.connect(url)) {
            SinkRunner sinks = new SinkRunner(connect, db);
            sinks.run(PGVECTOR_WARM_UP, WARM_UP_TOPIC, segments.sinkWarmUp());
            StoreSinkRun sink = log(
                    "pgvector",
                    "(a) sink through Connect",
                    StoreSinkRun.of(sinks.run(PGVECTOR, TOPIC, segments.all())));
            StoreSinkRun docs = log(
                    "pgvector",
                    "(b) the docs' Python loop",
                    StoreSinkRun.of(DocsLoop.run(python, db, segments.baseline())));
            return new StoreSinkResult(
                    "pgvector",
                    "a real " + db.serverVersion() + " server (" + PGVECTOR.label()
                            + ", as the pgvector benchmark's (c-none))",
                    "the docs' Python loop (psycopg, pgvector): an INSERT .. ON CONFLICT a"
                            + " row, a commit a video, into their table with its HNSW index",
                    true,
                    sink,
                    docs);
        }
    }

    /** The run's segments: all N, the warm-ups' and the baselines' first ones. */
    private record Segments(
            List<SegmentRow> all,
            List<SegmentRow> sinkWarmUp,
            List<SegmentRow> directWarmUp,
            List<SegmentRow> baseline) {}

    private static StoreSinkRun log(String store, String what, StoreSinkRun run) {
        System.err.printf(
                Locale.ROOT,
                "%s %s: %,d points in %.1f s%n",
                store,
                what,
                run.points(),
                run.cost().seconds());
        return run;
    }
}
