package io.vecsync.bench;

import io.vecsync.testing.ConnectClusters;
import io.vecsync.testing.PostgresServer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Measures, on the same segments against each store's protocol-level fake, the Qdrant, Pinecone and Weaviate sinks
 * through a real Connect worker and the store's official client writing one point per request; and the pgvector sink
 * on the same topic.
 */
public final class StoreSinkBenchmark {

    private static final long SEED = 42L;
    /** Unmeasured runs of each write path first: in a fresh JVM the JIT spends seconds of CPU on the first pass. */
    private static final int SINK_WARM_UP_POINTS = 2_000;
    /** More for one point per request: after 500, the gRPC clients' next 2,000 requests ran at under half a 20,000-request loop's rate. */
    static final int DIRECT_WARM_UP_POINTS = 5_000;
    private static final String TOPIC = "store-bench-segments";
    private static final String WARM_UP_TOPIC = "store-bench-warm-up";
    private static final List<Supplier<StoreSinkTarget>> STORES = List.of(StoreSinkQdrant::new, StoreSinkPinecone::new, StoreSinkWeaviate::new);
    /** Without an index, as the fakes keep none; under names of its own, so its tables are not the pgvector benchmark's. */
    private static final SinkVariant PGVECTOR =
            new SinkVariant("store-bench-pgvector", "pgvector sink, pgvector.index=none, tasks.max=1", "none", false, 1, Map.of());
    private static final SinkVariant PGVECTOR_WARM_UP =
            new SinkVariant("store-bench-pgvector-warm-up", "pgvector sink warm-up", "none", false, 1, Map.of());

    private StoreSinkBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, StoreSinkOptions::parse, StoreSinkBenchmark::run);
    }

    private static void run(StoreSinkOptions options, PrintStream report) throws Exception {
        // PostgresServer reads $VECSYNC_PG_URL first, and starts a scratch cluster only without it.
        String url = options.pgUrl().orElseGet(PostgresServer::jdbcUrl);
        List<SegmentRow> rows = SegmentRows.generate(options.segments(), SEED);
        List<SegmentRow> sinkWarmUp = rows.subList(0, Math.min(rows.size(), SINK_WARM_UP_POINTS));
        List<SegmentRow> directWarmUp = rows.subList(0, Math.min(rows.size(), DIRECT_WARM_UP_POINTS));
        List<SegmentRow> direct = rows.subList(0, options.directSegments());
        EmbeddedConnectCluster connect = ConnectClusters.start("vecsync-store-bench", 1,
                Map.of("connector.client.config.override.policy", "All"));
        try {
            // The pgvector benchmark's topic shape, so that the rates compare.
            SegmentTopic.fill(connect, TOPIC, PgVectorBenchmark.PARTITIONS, rows);
            SegmentTopic.fill(connect, WARM_UP_TOPIC, PgVectorBenchmark.PARTITIONS, sinkWarmUp);
            StoreSinkConnectRun sinks = new StoreSinkConnectRun(connect);
            List<StoreSinkResult> results = new ArrayList<>();
            for (Supplier<StoreSinkTarget> open : STORES) {
                try (StoreSinkTarget store = open.get()) {
                    sinks.run(store, "sink-warm-up", WARM_UP_TOPIC, sinkWarmUp.size());
                    StoreSinkRun sink = log(store, "(a) sink through Connect", sinks.run(store, "sink", TOPIC, rows.size()));
                    StoreSinkDirectLoop.run(store, "direct-warm-up", directWarmUp);
                    StoreSinkRun loop = log(store, "(b) official client, 1 point/request", StoreSinkDirectLoop.run(store, "direct", direct));
                    results.add(new StoreSinkResult(store.name(), sink, loop));
                }
            }
            try (PgDatabase db = PgDatabase.connect(url)) {
                SinkRunner pgvector = new SinkRunner(connect, db);
                pgvector.run(PGVECTOR_WARM_UP, WARM_UP_TOPIC, sinkWarmUp);
                PgRun pg = pgvector.run(PGVECTOR, TOPIC, rows);
                new StoreSinkReport(options, report).print(results, pg, db.serverVersion());
            }
        } finally {
            connect.stop();
        }
    }

    private static StoreSinkRun log(StoreSinkTarget store, String what, StoreSinkRun run) {
        System.err.printf(Locale.ROOT, "%s %s: %,d points in %.1f s%n", store.name(), what, run.points(), run.cost().seconds());
        return run;
    }
}
