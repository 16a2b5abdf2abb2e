/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import io.vecsync.bench.common.BenchTopics;
import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.Jmx;
import io.vecsync.bench.common.SegmentRow;
import io.vecsync.bench.common.SegmentTopic;
import io.vecsync.bench.common.SinkStats;
import io.vecsync.bench.common.SinkTaskMetrics;
import io.vecsync.bench.common.Stopwatch;
import io.vecsync.bench.pgvector.PgDatabase.IndexState;
import io.vecsync.embedded.ConnectorStatus;
import io.vecsync.embedded.EmbeddedConnect;
import io.vecsync.pgvector.PgVectorSinkConnector;
import io.vecsync.pgvector.PgVectorTableLayout;
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
public final class SinkRunner {

    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    /** How often the table is counted: the resolution of the timings. */
    private static final long POLL_MS = 200;

    private static final long WRITTEN_POLL_MS = 5;
    private static final int RUNNING_SEGMENT_BYTES = 64 * 1024 * 1024;

    private final EmbeddedConnect connect;
    private final PgDatabase db;

    public SinkRunner(EmbeddedConnect connect, PgDatabase db) {
        this.connect = connect;
        this.db = db;
    }

    /** Runs the variant into a table it creates, dropped afterwards. */
    public PgRun run(SinkVariant variant, String topic, List<SegmentRow> rows)
            throws SQLException, InterruptedException {
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
            PgVectorTableLayout layout = db.layout(table);
            db.drop(table);
            db.execute(layout.createTableSql());
            try (Connection session = db.openSession()) {
                session.setAutoCommit(false);
                RawCopy.copy(session, layout, layout.columns(), present);
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
        Cost.Meter meter = Cost.start(db);
        Stopwatch stopwatch = Stopwatch.start();
        connect.configureConnector(variant.name(), config(variant, topic));
        Progress progress = awaitRows(
                stopwatch,
                variant,
                new WrittenPoints(variant.name(), variant.tasks()),
                0,
                rows.size(),
                expected.size());
        long indexSeenAt = progress.indexSeenAt();
        IndexState index;
        while (variant.initialLoad() && (index = db.hnswIndex(table)) != IndexState.VALID) {
            if (indexSeenAt < 0 && index != IndexState.NONE) {
                indexSeenAt = expected.size();
            }
            await(stopwatch, variant, "a valid HNSW index, found " + index, POLL_MS);
        }
        Cost cost = meter.stop();
        // Read before the connector is deleted, while its tasks' metrics exist.
        SinkStats stats = progress.stats(rows.size(), SinkTaskMetrics.writeTotals(variant.name()), indexSeenAt);
        connect.deleteConnector(variant.name());
        awaitStopped(stopwatch, variant);
        db.verify(table, expected);
        return new PgRun(variant.name(), variant.label(), rows.size(), cost, Optional.of(stats));
    }

    /**
     * Creates the variant's connector on a topic of its own, lets it write the rows once, unmeasured, and pauses it: a
     * connector that keeps running between {@link RunningSink#round() rounds}, as a deployed one does, so that they time
     * neither its start nor the JIT's work on a new connector's, task's and consumer's code (a new connector took
     * 2-5 us of JVM CPU a row more here).
     */
    RunningSink start(SinkVariant variant, List<SegmentRow> rows) throws SQLException, InterruptedException {
        String topic = "bench-running-" + variant.name();
        // Small segments, so that deleting the records of past rounds frees their disk.
        SegmentTopic.create(connect.kafka(), topic, Map.of("segment.bytes", Integer.toString(RUNNING_SEGMENT_BYTES)));
        db.drop(variant.table());
        RunningSink sink = new RunningSink(variant, topic, rows);
        connect.configureConnector(variant.name(), config(variant, topic));
        sink.append();
        Stopwatch stopwatch = Stopwatch.start();
        awaitRows(stopwatch, variant, sink.points, 0, rows.size(), rows.size());
        sink.pause(stopwatch);
        db.truncate(variant.table());
        return sink;
    }

    /** A connector paused between rounds; each round appends the rows to its topic, resumes it, and empties its table after. */
    final class RunningSink implements AutoCloseable {

        private final SinkVariant variant;
        private final String topic;
        private final List<SegmentRow> rows;
        private final WrittenPoints points;

        private RunningSink(SinkVariant variant, String topic, List<SegmentRow> rows) {
            this.variant = variant;
            this.topic = topic;
            this.rows = rows;
            this.points = new WrittenPoints(variant.name(), variant.tasks());
        }

        /**
         * Times from resuming the connector until its tasks have written the rows once more, into the table emptied
         * after the last round: the same ids, new to the table, as in the first.
         */
        PgRun round() throws SQLException, InterruptedException {
            long left = db.count(variant.table());
            if (left != 0) {
                // Those ids would turn the round's COPY into upserts: it would time another write path.
                throw new IllegalStateException(
                        variant.name() + ": " + left + " rows left in its table from the last round");
            }
            append();
            long before = points.read();
            SinkTaskMetrics.WriteTotals writesBefore = SinkTaskMetrics.writeTotals(variant.name());
            Cost.Meter meter = Cost.start(db);
            Stopwatch stopwatch = Stopwatch.start();
            connect.resumeConnector(variant.name());
            Progress progress = awaitRows(stopwatch, variant, points, before, rows.size(), rows.size());
            Cost cost = meter.stop();
            SinkStats stats = progress.stats(
                    rows.size(), SinkTaskMetrics.writeTotals(variant.name()).minus(writesBefore), -1);
            pause(stopwatch);
            db.verify(variant.table(), rows);
            // Emptied now, not before the next round: autovacuum would vacuum and analyze the full table while the
            // other
            // variants are timed (the later variants of a round took up to 15 us of PostgreSQL CPU a row more that
            // way).
            db.truncate(variant.table());
            return new PgRun(variant.name(), variant.label(), rows.size(), cost, Optional.of(stats));
        }

        private void append() {
            SegmentTopic.append(connect.kafka(), topic, rows);
        }

        /** Pauses the connector, waits until its tasks are paused, and deletes the records they consumed. */
        private void pause(Stopwatch stopwatch) throws InterruptedException {
            connect.pauseConnector(variant.name());
            while (!paused()) {
                await(stopwatch, variant, "tasks not yet paused", WRITTEN_POLL_MS);
            }
            try (BenchTopics topics = new BenchTopics(connect.kafka())) {
                topics.deleteConsumed(topic, SegmentTopic.PARTITIONS);
            }
        }

        private boolean paused() {
            ConnectorStatus status = connect.connectorStatus(variant.name());
            return "PAUSED".equals(status.state())
                    && status.tasks().size() == variant.tasks()
                    && status.tasks().stream().allMatch(task -> "PAUSED".equals(task.state()));
        }

        @Override
        public void close() throws SQLException, InterruptedException {
            connect.deleteConnector(variant.name());
            awaitStopped(Stopwatch.start(), variant);
            db.drop(variant.table());
        }
    }

    /**
     * Waits until the tasks' count of points written, from {@code base}, reaches {@code rows} and the table holds
     * {@code expected} rows. The tasks' count (after their commits) is read every few milliseconds: in-process, it costs
     * nothing, where counting the table's rows that often would take CPU from the run. The rows are counted every
     * 200 ms too, for what a restarted task's count misses.
     */
    private Progress awaitRows(
            Stopwatch stopwatch, SinkVariant variant, WrittenPoints points, long base, int rows, int expected)
            throws SQLException, InterruptedException {
        String table = variant.table();
        double firstRow = -1;
        long writtenAtFirstRow = 0;
        long indexSeenAt = -1;
        long written;
        long count = 0;
        double countedAt = 0;
        while ((written = points.read() - base) < rows) {
            if (firstRow < 0 && written > 0) {
                firstRow = stopwatch.seconds();
                writtenAtFirstRow = written;
            }
            if (stopwatch.seconds() - countedAt >= POLL_MS / 1000.0) {
                countedAt = stopwatch.seconds();
                if ((count = db.count(table)) >= expected) {
                    break;
                }
                // In initial-load mode the build should start once the backlog is drained; this shows whether it did.
                if (variant.initialLoad() && indexSeenAt < 0 && db.hnswIndex(table) != IndexState.NONE) {
                    indexSeenAt = count;
                }
            }
            await(stopwatch, variant, count + " of " + expected + " rows in the table", WRITTEN_POLL_MS);
        }
        while ((count = db.count(table)) < expected) {
            await(stopwatch, variant, count + " of " + expected + " rows in the table", POLL_MS);
        }
        return new Progress(firstRow, writtenAtFirstRow, stopwatch.seconds(), indexSeenAt);
    }

    /** How the rows came: when the first batch was seen, of how many rows, and when the last. */
    private record Progress(double firstRow, long writtenAtFirstRow, double loadSeconds, long indexSeenAt) {

        SinkStats stats(int rows, SinkTaskMetrics.WriteTotals writes, long indexSeenAtRows) {
            return SinkStats.observed(firstRow, writtenAtFirstRow, rows, loadSeconds, writes, indexSeenAtRows);
        }
    }

    /** What the issue specifies, with the variant's converters, tasks and consumer overrides. */
    private Map<String, String> config(SinkVariant variant, String topic) {
        Map<String, String> config = new LinkedHashMap<>(variant.converters());
        config.put("connector.class", PgVectorSinkConnector.class.getName());
        config.put("topics", topic);
        config.put("tasks.max", Integer.toString(variant.tasks()));
        config.put("consumer.override.max.poll.records", Integer.toString(SegmentTopic.POLL_RECORDS));
        variant.consumerOverrides().forEach((key, value) -> config.put("consumer.override." + key, value));
        config.putAll(variant.sinkConfig(db.url()));
        return config;
    }

    /**
     * Until the worker has stopped the tasks (their metrics are gone): closing a consumer waits out its pending fetch
     * (up to fetch.max.wait.ms), and the worker would handle the next connector only after that, inside its timing.
     */
    private static void awaitStopped(Stopwatch stopwatch, SinkVariant variant) throws InterruptedException {
        while (Jmx.exists(SinkTaskMetrics.pattern(variant.name()))) {
            await(stopwatch, variant, "the deleted connector's tasks still running", WRITTEN_POLL_MS);
        }
    }

    private static void await(Stopwatch stopwatch, SinkVariant variant, String lastSeen, long ms)
            throws InterruptedException {
        if (stopwatch.seconds() > TIMEOUT.toSeconds()) {
            throw new IllegalStateException(
                    variant.name() + ": " + lastSeen + " after " + TIMEOUT.toMinutes() + " min");
        }
        Thread.sleep(ms);
    }
}
