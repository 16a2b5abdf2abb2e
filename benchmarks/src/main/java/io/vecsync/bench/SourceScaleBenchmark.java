package io.vecsync.bench;

import io.vecsync.testing.ConnectClusters;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Measures how the source connector's sync rate, offsets, idle polls, memory and restarts scale with the catalogue. */
public final class SourceScaleBenchmark {

    private SourceScaleBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, SourceScaleOptions::parse, SourceScaleBenchmark::run);
    }

    static void run(SourceScaleOptions options, PrintStream report) throws Exception {
        EmbeddedConnectCluster connect = ConnectClusters.start("vecsync-scale-bench", 1,
                Map.of("offset.flush.interval.ms", Integer.toString(options.offsetFlushMs())));
        List<SourceScaleResult> results = new ArrayList<>();
        try (BenchTopics topics = new BenchTopics(connect)) {
            SourceScaleRun run = new SourceScaleRun(connect, topics, options.offsetFlushMs());
            for (int videos : options.videos()) {
                results.add(run.run(videos));
                // Each size's figures as soon as they are known: a larger size may not finish.
                System.err.println(format(results.get(results.size() - 1)));
            }
        } finally {
            connect.stop();
            new SourceScaleReport(report).print(results);
        }
    }

    static String format(SourceScaleResult r) {
        return String.format(Locale.ROOT, "%,d | %,.0f | %,d | %,d | %.2f | %,d | %.0f | %.0f | %d | %.1f",
                r.videos(), r.syncSegmentsPerSecond(), r.offsets().largestValueBytes(), r.offsets().totalBytes(),
                r.listingsPerIdlePoll(), r.fullWalkRequests(), r.idleCpuMillis(), r.heapMegabytes(),
                r.restartEmbeddingsCalls(), r.restartSeconds());
    }
}
