package io.vecsync.bench;

import io.vecsync.bench.CopyBinaryRows.Columns;
import io.vecsync.bench.PgDatabase.IndexState;
import io.vecsync.pgvector.PgVectorSinkConnector;
import io.vecsync.testing.JmxMetrics;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Runs the pgvector sink connector on a pre-filled topic until its table holds every row, measuring it on the way. */
final class SinkRunner {

    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    /** How often the table is counted: the resolution of the timings. */
    private static final long POLL_MS = 200;
    private static final long WRITTEN_POLL_MS = 5;

    private final EmbeddedConnectCluster connect;
    private final PgDatabase db;

    SinkRunner(EmbeddedConnectCluster connect, PgDatabase db) {
        this.connect = connect;
        this.db = db;
    }

    /** Runs the variant into a table it creates, dropped afterwards. */
    PgRun run(SinkVariant variant, String topic, List<SegmentRow> rows) throws SQLException, InterruptedException {
        try {
            db.drop(variant.table());
            return measure(variant, topic, List.of(), rows);
        } finally {
            db.drop(variant.table());
        }
    }

    /**
     * Runs the variant into a table that already holds {@code present} and a valid HNSW index, as a library synced
     * earlier has; the table is prepared before the timing and dropped afterwards.
     */
    PgRun runOnto(SinkVariant variant, String topic, List<SegmentRow> present, List<SegmentRow> rows)
            throws SQLException, IOException, InterruptedException {
        String table = variant.table();
        try {
            db.drop(table);
            db.createSinkTable(table);
            try (Connection session = db.openSession()) {
                session.setAutoCommit(false);
                RawCopy.copy(session, table, Columns.SINK, present);
                session.commit();
            }
            // Only preparation: parallel workers make the build quicker, and the graph is the same kind either way.
            db.buildHnswIndex(table, OptionalInt.of(2));
            return measure(variant, topic, present, rows);
        } finally {
            db.drop(table);
        }
    }

    /** Times from creating the connector until the table holds the rows and, in initial-load mode, a valid HNSW index. */
    private PgRun measure(SinkVariant variant, String topic, List<SegmentRow> present, List<SegmentRow> rows)
            throws SQLException, InterruptedException {
        String table = variant.table();
        List<SegmentRow> expected = new ArrayList<>(present);
        expected.addAll(rows);
        // The tasks' own count of points written (after their commits) is read every few milliseconds: in-process,
        // it costs nothing, where counting the table's rows that often would take CPU from the run. The rows are
        // counted every 200 ms too, for what a restarted task's count misses.
        String tasks = "kafka.connect:type=plugins,connector=" + variant.name() + ",*";
        Cost.Meter meter = Cost.start(db);
        Stopwatch stopwatch = Stopwatch.start();
        connect.configureConnector(variant.name(), config(variant, topic));
        double firstRow = -1;
        long writtenAtFirstRow = 0;
        long indexSeenAt = -1;
        long written;
        long count = 0;
        double countedAt = 0;
        WrittenPoints points = new WrittenPoints(variant.name(), variant.tasks());
        while ((written = points.read()) < rows.size()) {
            if (firstRow < 0 && written > 0) {
                firstRow = stopwatch.seconds();
                writtenAtFirstRow = written;
            }
            if (stopwatch.seconds() - countedAt >= POLL_MS / 1000.0) {
                countedAt = stopwatch.seconds();
                if ((count = db.count(table)) >= expected.size()) {
                    break;
                }
                // In initial-load mode the build should start once the backlog is drained; this shows whether it did.
                if (variant.initialLoad() && indexSeenAt < 0 && db.hnswIndex(table) != IndexState.NONE) {
                    indexSeenAt = count;
                }
            }
            await(stopwatch, variant, count + " of " + expected.size() + " rows in the table", WRITTEN_POLL_MS);
        }
        while ((count = db.count(table)) < expected.size()) {
            await(stopwatch, variant, count + " of " + expected.size() + " rows in the table", POLL_MS);
        }
        double loadSeconds = stopwatch.seconds();
        IndexState index;
        while (variant.initialLoad() && (index = db.hnswIndex(table)) != IndexState.VALID) {
            if (indexSeenAt < 0 && index != IndexState.NONE) {
                indexSeenAt = count;
            }
            await(stopwatch, variant, "a valid HNSW index, found " + index, POLL_MS);
        }
        Cost cost = meter.stop();
        // Read before the connector is deleted, while its tasks' metrics exist.
        // Never seen short of every row: they all came in the first batch.
        SinkStats stats = new SinkStats(firstRow < 0 ? loadSeconds : firstRow, firstRow < 0 ? rows.size() : writtenAtFirstRow, loadSeconds,
                JmxMetrics.sum(tasks, "write-time-ms-total") / 1000, (long) JmxMetrics.sum(tasks, "batches-written-total"), indexSeenAt);
        connect.deleteConnector(variant.name());
        awaitStopped(stopwatch, variant, tasks);
        db.verify(table, expected);
        return new PgRun(variant.name(), variant.label(), rows.size(), cost, Optional.of(stats));
    }

    /** What the issue specifies, with the variant's converters, tasks and consumer overrides. */
    private Map<String, String> config(SinkVariant variant, String topic) {
        Map<String, String> config = new LinkedHashMap<>(variant.converters());
        config.put("connector.class", PgVectorSinkConnector.class.getName());
        config.put("topics", topic);
        config.put("tasks.max", Integer.toString(variant.tasks()));
        config.put("consumer.override.max.poll.records", "1000");
        variant.consumerOverrides().forEach((key, value) -> config.put("consumer.override." + key, value));
        config.putAll(variant.sinkConfig(db.url()));
        return config;
    }

    /**
     * Until the worker has stopped the tasks (their metrics are gone): closing a consumer waits out its pending fetch
     * (up to fetch.max.wait.ms), and the worker would handle the next connector only after that, inside its timing.
     */
    private static void awaitStopped(Stopwatch stopwatch, SinkVariant variant, String tasks) throws InterruptedException {
        while (JmxMetrics.exists(tasks)) {
            await(stopwatch, variant, "the deleted connector's tasks still running", WRITTEN_POLL_MS);
        }
    }

    private static void await(Stopwatch stopwatch, SinkVariant variant, String lastSeen, long ms) throws InterruptedException {
        if (stopwatch.seconds() > TIMEOUT.toSeconds()) {
            throw new IllegalStateException(variant.name() + ": " + lastSeen + " after " + TIMEOUT.toMinutes() + " min");
        }
        Thread.sleep(ms);
    }
}
