package io.vecsync.bench;

import io.vecsync.testing.ChromaServer;
import io.vecsync.testing.ConnectClusters;
import io.vecsync.testing.PostgresServer;
import io.vecsync.testing.WeaviateServer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
    /** More for one point per request: after 500, the gRPC clients' next 2,000 requests ran at under half a 20,000-request loop's rate. */
    static final int DIRECT_WARM_UP_POINTS = 5_000;
    private static final String TOPIC = "store-bench-segments";
    private static final String WARM_UP_TOPIC = "store-bench-warm-up";
    private static final String NO_PYTHON = "no Python with the docs' clients (bin/docs-loops-provision could not install them)";
    /** Without an index, as the pgvector benchmark's (c-none); under names of its own, so its tables are not that benchmark's. */
    private static final SinkVariant PGVECTOR =
            new SinkVariant("store-bench-pgvector", "pgvector sink, pgvector.index=none, tasks.max=1", "none", false, 1, Map.of());
    private static final SinkVariant PGVECTOR_WARM_UP =
            new SinkVariant("store-bench-pgvector-warm-up", "pgvector sink warm-up", "none", false, 1, Map.of());

    private StoreSinkBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, StoreSinkOptions::parse, StoreSinkBenchmark::run);
    }

    static void run(StoreSinkOptions options, PrintStream report) throws Exception {
        List<SegmentRow> rows = SegmentRows.generate(options.segments(), SEED);
        Segments segments = new Segments(rows, rows.subList(0, Math.min(rows.size(), SINK_WARM_UP_POINTS)),
                rows.subList(0, Math.min(rows.size(), DIRECT_WARM_UP_POINTS)), rows.subList(0, options.baselineSegments()));
        Optional<Path> python = DocsLoopScript.python();
        List<String> leftOut = new ArrayList<>();
        List<Supplier<StoreSinkTarget>> stores = new ArrayList<>(List.of(StoreSinkQdrant::new, StoreSinkPinecone::new));
        withServer(stores, leftOut, python, "Weaviate", WeaviateServer.available(), "bin/weaviate-provision could not build it",
                StoreSinkWeaviate::new);
        withServer(stores, leftOut, python, "Chroma", ChromaServer.available(), "bin/chroma-provision could not install it",
                StoreSinkChroma::new);
        EmbeddedConnectCluster connect = ConnectClusters.start("vecsync-store-bench", 1,
                Map.of("connector.client.config.override.policy", "All"));
        try {
            // The pgvector benchmark's topic shape, so that the rates compare.
            SegmentTopic.fill(connect, TOPIC, PgVectorBenchmark.PARTITIONS, rows);
            SegmentTopic.fill(connect, WARM_UP_TOPIC, PgVectorBenchmark.PARTITIONS, segments.sinkWarmUp());
            StoreSinkConnectRun sinks = new StoreSinkConnectRun(connect);
            List<StoreSinkResult> results = new ArrayList<>();
            for (Supplier<StoreSinkTarget> open : stores) {
                try (StoreSinkTarget store = open.get()) {
                    sinks.run(store, "sink-warm-up", WARM_UP_TOPIC, segments.sinkWarmUp().size());
                    StoreSinkRun sink = log(store.name(), "(a) sink through Connect", sinks.run(store, "sink", TOPIC, rows.size()));
                    StoreSinkBaseline baseline = store.baseline();
                    StoreSinkRun direct = log(store.name(), "(b) " + baseline.label(),
                            baseline.run(segments.directWarmUp(), segments.baseline()));
                    results.add(new StoreSinkResult(store.name(), store.served(), baseline.label(), store.realServer(), sink, direct));
                }
            }
            if (python.isPresent()) {
                // PostgresServer reads $VECSYNC_PG_URL first, and starts a scratch cluster only without it.
                results.add(pgvector(connect, options.pgUrl().orElseGet(PostgresServer::jdbcUrl), python.get(), segments));
            } else {
                leftOut.add("pgvector: " + NO_PYTHON);
            }
            new StoreSinkReport(options, report).print(results, leftOut);
        } finally {
            connect.stop();
        }
    }

    /** Adds a store with a real server here, or says why it is left out: no server, or no docs' Python for (b). */
    private static void withServer(List<Supplier<StoreSinkTarget>> stores, List<String> leftOut, Optional<Path> python, String store,
                                   boolean serverHere, String noServer, Function<Path, StoreSinkTarget> open) {
        if (!serverHere) {
            leftOut.add(store + ": no server here (" + noServer + ")");
        } else if (python.isEmpty()) {
            leftOut.add(store + ": " + NO_PYTHON);
        } else {
            stores.add(() -> open.apply(python.get()));
        }
    }

    /** The pgvector sink as the pgvector benchmark runs it, against that benchmark's docs' loop, on this run's topic and rows. */
    private static StoreSinkResult pgvector(EmbeddedConnectCluster connect, String url, Path python, Segments segments) throws Exception {
        try (PgDatabase db = PgDatabase.connect(url)) {
            SinkRunner sinks = new SinkRunner(connect, db);
            sinks.run(PGVECTOR_WARM_UP, WARM_UP_TOPIC, segments.sinkWarmUp());
            StoreSinkRun sink = log("pgvector", "(a) sink through Connect", StoreSinkRun.of(sinks.run(PGVECTOR, TOPIC, segments.all())));
            StoreSinkRun docs = log("pgvector", "(b) the docs' Python loop", StoreSinkRun.of(DocsLoop.run(python, db, segments.baseline())));
            return new StoreSinkResult("pgvector", "a real " + db.serverVersion() + " server (" + PGVECTOR.label()
                    + ", as the pgvector benchmark's (c-none))", "the docs' Python loop (psycopg, pgvector): an INSERT .. ON CONFLICT a"
                    + " row, a commit a video, into their table with its HNSW index", true, sink, docs);
        }
    }

    /** The run's segments: all N, the warm-ups' and the baselines' first ones. */
    private record Segments(List<SegmentRow> all, List<SegmentRow> sinkWarmUp, List<SegmentRow> directWarmUp, List<SegmentRow> baseline) {
    }

    private static StoreSinkRun log(String store, String what, StoreSinkRun run) {
        System.err.printf(Locale.ROOT, "%s %s: %,d points in %.1f s%n", store, what, run.points(), run.cost().seconds());
        return run;
    }
}
