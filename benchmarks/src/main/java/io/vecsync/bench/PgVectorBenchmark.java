package io.vecsync.bench;

import io.vecsync.testing.ConnectClusters;
import io.vecsync.testing.PostgresServer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Measures, on the same segments and PostgreSQL server, the docs' per-row loop, raw COPY BINARY, and the pgvector sink
 * through a real Connect worker without an index, with one, and in initial-load mode.
 */
public final class PgVectorBenchmark {

    static final int PARTITIONS = 2;
    private static final long SEED = 42L;
    /** The JIT spends seconds of CPU on the first two runs through Connect; the third runs compiled code. */
    private static final int CONNECT_WARM_UP_ROUNDS = 2;
    /** Rounds of (a), (b) and (c-none), reported by their median: single runs of a few seconds varied by up to 2x here. */
    static final int ROUNDS = 5;
    private static final String TOPIC = "bench-segments";
    private static final String PREFIX_TOPIC = "bench-segments-prefix";
    private static final String EXTRA_TOPIC = "bench-segments-extra";

    private PgVectorBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, PgBenchOptions::parse, PgVectorBenchmark::run);
    }

    static void run(PgBenchOptions options, PrintStream report) throws Exception {
        // PostgresServer reads $VECSYNC_PG_URL first, and starts a scratch cluster only without it.
        String url = options.pgUrl().orElseGet(PostgresServer::jdbcUrl);
        int n = options.segments();
        int m = options.indexedSegments();
        // N segments for every variant; M more only for (c-index) onto a table that already holds the N.
        List<SegmentRow> all = SegmentRows.generate(n + m, SEED);
        List<SegmentRow> rows = all.subList(0, n);
        List<SegmentRow> prefix = all.subList(0, m);
        List<SegmentRow> extra = all.subList(n, n + m);
        try (PgDatabase db = PgDatabase.connect(url)) {
            List<PgRun> bareTask = withoutConnect(db, rows);
            // Reported (a), (b), (c), then (d).
            List<PgRun> runs = new ArrayList<>(throughConnect(db, rows, prefix, extra));
            runs.addAll(bareTask);
            new PgReport(options, db.serverVersion(), db.checkpointRefusal(), report).print(runs);
        }
    }

    /** (d), before the Connect cluster starts, so that this JVM's CPU is the sink task's alone. */
    private static List<PgRun> withoutConnect(PgDatabase db, List<SegmentRow> rows) throws Exception {
        // Unmeasured: in a fresh JVM the JIT spends seconds of CPU compiling the converter's and the sink's code.
        BareSinkTask.convertAndPut(db, rows);
        BareSinkTask.putOnly(db, rows);
        return List.of(log(BareSinkTask.putOnly(db, rows)), log(BareSinkTask.convertAndPut(db, rows)));
    }

    /**
     * (c): the sink on a real worker, reading topics filled beforehand; the (c-none) variants as connectors that keep
     * running between their rounds, but one made anew each round. (a) and (b) run in the same rounds as (c-none),
     * so that the ratios the issue sets compare rates measured within seconds of each other: this machine's speed
     * drifted by up to 1.3x between the start of a run and its Connect variants.
     */
    private static List<PgRun> throughConnect(PgDatabase db, List<SegmentRow> rows, List<SegmentRow> prefix, List<SegmentRow> extra)
            throws Exception {
        List<PgRun> runs = new ArrayList<>();
        EmbeddedConnectCluster connect = ConnectClusters.start("vecsync-pg-bench", 1,
                Map.of("connector.client.config.override.policy", "All"));
        try {
            SegmentTopic.fill(connect, TOPIC, PARTITIONS, rows);
            SegmentTopic.fill(connect, PREFIX_TOPIC, PARTITIONS, prefix);
            SegmentTopic.fill(connect, EXTRA_TOPIC, PARTITIONS, extra);
            SinkRunner sink = new SinkRunner(connect, db);
            for (int round = 1; round <= CONNECT_WARM_UP_ROUNDS; round++) {
                log(sink.run(SinkVariant.warmUp(round), TOPIC, rows));
            }
            List<Round> variants = new ArrayList<>(List.of(round -> RawCopy.DOCS_TABLE.run(db, rows),
                    round -> RawCopy.SINK_TABLE.run(db, rows), round -> RawCopy.SINK_TABLE_BATCHES.run(db, rows)));
            Optional<Path> python = DocsLoopScript.python();
            python.ifPresentOrElse(docsPython -> variants.add(0, round -> DocsLoop.run(docsPython, db, rows)),
                    () -> System.err.println("(a) the docs' loop is left out: no Python with their clients (bin/docs-loops-provision)"));
            List<SinkRunner.RunningSink> running = new ArrayList<>();
            try {
                for (SinkVariant variant : List.of(SinkVariant.NO_INDEX, SinkVariant.NO_INDEX_TWO_TASKS, SinkVariant.NO_INDEX_LARGE_FETCHES,
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
                runs.addAll(medianRounds(variants));
            } finally {
                for (SinkRunner.RunningSink connector : running) {
                    connector.close();
                }
            }
            runs.add(log(sink.run(SinkVariant.INDEX, PREFIX_TOPIC, prefix)));
            runs.add(log(sink.run(SinkVariant.INDEX_TWO_TASKS, PREFIX_TOPIC, prefix)));
            runs.add(log(sink.runOnto(SinkVariant.INDEX_ONTO_LOADED, EXTRA_TOPIC, rows, extra)));
            runs.add(log(sink.run(SinkVariant.INITIAL_LOAD, TOPIC, rows)));
            runs.add(log(sink.run(SinkVariant.INDEX_FULL, TOPIC, rows)));
        } finally {
            connect.stop();
        }
        return runs;
    }

    /** One variant's measured round. */
    @FunctionalInterface
    private interface Round {
        PgRun run(int round) throws Exception;
    }

    /**
     * Every variant {@link #ROUNDS} times, the rounds interleaved so that the JIT's late compilations and stretches of
     * contention do not fall on one variant alone, and each round starting one variant later than the last, so that
     * none always runs right after the same one (a variant's PostgreSQL CPU a row varied by up to 1.4x
     * from round to round here); each variant's median round.
     */
    private static List<PgRun> medianRounds(List<Round> variants) throws Exception {
        Map<Round, List<PgRun>> rounds = new LinkedHashMap<>();
        for (int number = 1; number <= ROUNDS; number++) {
            for (int position = 0; position < variants.size(); position++) {
                Round variant = variants.get((position + number - 1) % variants.size());
                rounds.computeIfAbsent(variant, v -> new ArrayList<>()).add(log(variant.run(number)));
            }
        }
        return rounds.values().stream().map(PgVectorBenchmark::median).toList();
    }

    /** The round of median steady rate, with every round's. */
    private static PgRun median(List<PgRun> rounds) {
        PgRun median = rounds.stream().sorted(Comparator.comparingDouble(PgRun::steadyRowsPerSecond)).toList().get((rounds.size() - 1) / 2);
        return new PgRun(median.key(), median.label(), median.rows(), median.cost(), median.sink(),
                rounds.stream().map(PgRun::steadyRowsPerSecond).toList());
    }

    private static PgRun log(PgRun run) {
        System.err.printf(Locale.ROOT, "%s: %,d rows in %.1f s%n", run.label(), run.rows(), run.cost().seconds());
        return run;
    }
}
