package io.vecsync.bench;

import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.testing.ConnectClusters;
import io.vecsync.testing.PostgresServer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Measures the shipped configs end to end in one worker: simulator -> source -> Kafka -> pgvector sink (no index). */
public final class E2eBenchmark {

    private static final int SEGMENTS_PER_VIDEO = 5;
    static final List<E2eVariant> VARIANTS = List.of(E2eVariant.BASELINE, E2eVariant.BATCHING, E2eVariant.LZ4, E2eVariant.ZSTD);

    private E2eBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, E2eOptions::parse, E2eBenchmark::run);
    }

    static void run(E2eOptions options, PrintStream report) throws Exception {
        // PostgresServer reads $VECSYNC_PG_URL first, and starts a scratch cluster only without it.
        String url = options.pgUrl().orElseGet(PostgresServer::jdbcUrl);
        // The policy the shipped source's producer.override.* keys need; All is Kafka's default, set here to be explicit.
        EmbeddedConnectCluster connect = ConnectClusters.start("vecsync-e2e-bench", 1,
                Map.of("connector.client.config.override.policy", "All"));
        try (PlatformSimulator simulator = PlatformSimulator.builder().seed(1).videos(options.videos())
                .segmentsPerVideo(SEGMENTS_PER_VIDEO, SEGMENTS_PER_VIDEO).build().start();
             PgDatabase db = PgDatabase.connect(url);
             BenchTopics topics = new BenchTopics(connect)) {
            E2eRun run = new E2eRun(connect, topics, simulator, db);
            // Unreported: in a fresh JVM the JIT spends seconds of CPU on the connectors', converters' and clients' code.
            log(run.run(E2eVariant.ZSTD.warmUp()));
            List<E2eResult> results = new ArrayList<>();
            for (E2eVariant variant : VARIANTS) {
                results.add(log(run.run(variant)));
            }
            new E2eReport(options.videos(), run.segments(), db.serverVersion(), new E2eConfigs(), report)
                    .print(results);
        } finally {
            connect.stop();
        }
    }

    private static E2eResult log(E2eResult result) {
        System.err.printf(Locale.ROOT, "%s: %,d segments in %.1f s, %,d bytes on the broker%n", result.variant().label(),
                result.segments(), result.seconds(), result.logBytes());
        return result;
    }
}
