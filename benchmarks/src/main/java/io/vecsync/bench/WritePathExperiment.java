package io.vecsync.bench;

import io.vecsync.bench.CopyBinaryRows.Columns;
import io.vecsync.testing.PostgresServer;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;

/**
 * A standalone experiment for the pgvector sink, without Kafka: ways its writer could write 1,000-row batches into its
 * table (each batch committed, as the sink commits one), for new ids and for ids already present; and the initial-load
 * HNSW build as the sink runs it and with parallel workers forced.
 */
public final class WritePathExperiment {

    private static final long SEED = 42L;
    private static final int BATCH = 1000;
    private static final String TABLE = "bench_write_paths";

    /** The experiment's command line. */
    record Options(int segments, int rounds, Optional<String> pgUrl) {

        static final String USAGE = """
                usage: benchmarks/run-pgvector-write-experiment.sh [--segments N] [--rounds R] [--pg-url URL]
                  --segments N  segments written by each path, and indexed by each build (default 50000)
                  --rounds R    rounds of the write paths, interleaved; the median is shown (default 3)
                  --pg-url URL  as for run-pgvector-benchmark.sh""";

        static Options parse(List<String> args) {
            CommandLine line = new CommandLine(args, Set.of("--segments", "--rounds", "--pg-url"), USAGE);
            return new Options(line.integer("--segments", 50_000, BATCH), line.integer("--rounds", 3, 1), line.text("--pg-url"));
        }
    }

    private WritePathExperiment() {
    }

    public static void main(String[] args) {
        BenchmarkMain.run(args, Options::parse, WritePathExperiment::run);
    }

    private static void run(Options options, PrintStream report) throws Exception {
        List<SegmentRow> rows = SegmentRows.generate(options.segments(), SEED);
        try (PgDatabase db = PgDatabase.connect(options.pgUrl().orElseGet(PostgresServer::jdbcUrl))) {
            report.printf(Locale.ROOT, "%nvecsync pgvector write-path experiment — %,d segments, %d cores, %s; no Kafka, one session,"
                    + " batches of %,d each committed; measured%n", rows.size(), Runtime.getRuntime().availableProcessors(),
                    db.serverVersion(), BATCH);
            // Unmeasured first round: the JIT compiles the client code of every path.
            for (WritePath path : WritePath.values()) {
                writeTwice(db, path, rows.subList(0, Math.min(rows.size(), 20 * BATCH)));
            }
            report.printf(Locale.ROOT, "%-72s %33s %33s%n", "", "new ids (first sync)", "ids present (re-sync)");
            report.printf(Locale.ROOT, "%-72s %8s %8s %8s %6s %8s %8s %8s %6s%n", "write path", "rows/s", "JVM us", "PG us", "others",
                    "rows/s", "JVM us", "PG us", "others");
            // Rounds interleave the paths, so that a stretch of contention from other processes does not fall on one path alone.
            Map<WritePath, List<Cost[]>> results = new EnumMap<>(WritePath.class);
            for (int round = 0; round < options.rounds(); round++) {
                for (WritePath path : WritePath.values()) {
                    results.computeIfAbsent(path, p -> new ArrayList<>()).add(writeTwice(db, path, rows));
                }
            }
            results.forEach((path, rounds) -> report.printf(Locale.ROOT, "%-72s %s %s%n", path.label(),
                    perRow(median(rounds, 0), rows.size()), perRow(median(rounds, 1), rows.size())));
            report.printf(Locale.ROOT, "median of %d rounds by rows/s. JVM us / PG us: CPU microseconds per row of this process (the"
                    + " client alone) and of the PostgreSQL server. others: cores other processes on this machine kept busy meanwhile"
                    + " (contention).%n", options.rounds());
            printIndexBuilds(db, rows, report);
        }
    }

    /** Writes the rows into a new sink table with the path twice: first as new ids, then again as ids present. */
    private static Cost[] writeTwice(PgDatabase db, WritePath path, List<SegmentRow> rows) throws SQLException, IOException {
        db.drop(TABLE);
        db.createSinkTable(TABLE);
        Properties driver = new Properties();
        // As the sink's connections: the driver rewrites a batch of inserts into multi-row statements.
        driver.setProperty("reWriteBatchedInserts", "true");
        try (Connection session = db.openSession(driver)) {
            session.setAutoCommit(false);
            Cost[] costs = new Cost[2];
            for (int pass = 0; pass < 2; pass++) {
                Cost.Meter meter = Cost.start(db);
                for (int from = 0; from < rows.size(); from += BATCH) {
                    path.write(session, TABLE, rows.subList(from, Math.min(from + BATCH, rows.size())));
                    session.commit();
                }
                costs[pass] = meter.stop();
            }
            db.verify(TABLE, rows);
            return costs;
        } finally {
            db.drop(TABLE);
        }
    }

    /** The initial-load build on a freshly loaded table, as the sink runs it and with 1 and 2 parallel workers. */
    private static void printIndexBuilds(PgDatabase db, List<SegmentRow> rows, PrintStream report) throws SQLException, IOException {
        db.drop(TABLE);
        db.createSinkTable(TABLE);
        try (Connection session = db.openSession()) {
            session.setAutoCommit(false);
            RawCopy.copy(session, TABLE, Columns.SINK, rows);
            session.commit();
        }
        report.printf(Locale.ROOT, "%nHNSW build (CREATE INDEX CONCURRENTLY, m=16, ef_construction=64) over the %,d rows, measured%n", rows.size());
        report.printf(Locale.ROOT, "%-72s %8s %10s %8s %6s %6s%n", "build", "seconds", "rows/s eq", "PG CPU s", "cores", "others");
        try {
            for (OptionalInt workers : List.of(OptionalInt.empty(), OptionalInt.of(1), OptionalInt.of(2))) {
                db.dropHnswIndex(TABLE);
                Cost.Meter meter = Cost.start(db);
                db.buildHnswIndex(TABLE, workers);
                Cost cost = meter.stop();
                String label = workers.isEmpty() ? "server's choice (as the sink builds it)"
                        : "max_parallel_maintenance_workers=" + workers.getAsInt() + ", min_parallel_table_scan_size=0";
                report.printf(Locale.ROOT, "%-72s %8.1f %,10.0f %8.1f %6.2f %6.2f%n", label, cost.seconds(), rows.size() / cost.seconds(),
                        cost.server(), cost.server() / cost.seconds(), cost.othersCores());
            }
        } finally {
            db.drop(TABLE);
        }
    }

    /** The round of median time of one pass; the slower middle one for an even count. */
    private static Cost median(List<Cost[]> rounds, int pass) {
        List<Cost> costs = rounds.stream().map(round -> round[pass]).sorted(Comparator.comparingDouble(Cost::seconds)).toList();
        return costs.get(costs.size() / 2);
    }

    private static String perRow(Cost cost, int rows) {
        return String.format(Locale.ROOT, "%,8.0f %8.0f %8.0f %6.2f", rows / cost.seconds(), cost.jvm().process() * 1e6 / rows,
                cost.server() * 1e6 / rows, cost.othersCores());
    }
}
