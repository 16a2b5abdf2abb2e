/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.query;

import io.vecsync.bench.common.Stopwatch;
import io.vecsync.bench.pgvector.PgDatabase;
import io.vecsync.bench.pgvector.SinkVariant;
import io.vecsync.core.Float32Codec;
import io.vecsync.core.SegmentIds;
import io.vecsync.core.SegmentSchema;
import io.vecsync.core.Timecodes;
import io.vecsync.pgvector.PgVectorSinkTask;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Fills the query benchmark's table with every simulator segment through the pgvector sink task, without Kafka and
 * without an index, then builds the HNSW cosine index once: the fastest way to a large searchable table.
 */
final class QueryTableLoad {

    /** The sink's config with pgvector.index=none; the table is {@code bench_query_segments}. */
    static final SinkVariant VARIANT =
            new SinkVariant("query-segments", "query benchmark table", "none", false, 1, Map.of());

    private static final String TOPIC = "query-bench";
    private static final int RECORDS_PER_PUT = 1000;
    /** The machine's two cores: the build is preparation here, and parallel workers halve it. */
    private static final int BUILD_WORKERS = 2;

    /**
     * What loading measured.
     *
     * @param tableBytes the table with its TOAST, where pgvector keeps the vectors
     */
    record Result(int rows, double loadSeconds, double buildSeconds, long tableBytes, long indexBytes) {}

    private QueryTableLoad() {}

    /** Drops the table, loads every segment of the simulator's videos video by video, and indexes it. */
    static Result run(PgDatabase db, PlatformSimulator simulator) throws SQLException {
        String table = VARIANT.table();
        db.drop(table);
        Map<String, String> config = VARIANT.sinkConfig(db.url());
        PgVectorSinkTask task = new PgVectorSinkTask();
        task.start(config);
        int rows = 0;
        Stopwatch load = Stopwatch.start();
        try {
            List<SinkRecord> batch = new ArrayList<>(RECORDS_PER_PUT);
            for (String videoId : simulator.videoIds()) {
                String playlist = simulator.hlsPlaylistUrl(videoId);
                for (Segment segment : simulator.segments(videoId)) {
                    batch.add(record(segment, playlist, rows++));
                    if (batch.size() == RECORDS_PER_PUT) {
                        task.put(batch);
                        batch.clear();
                    }
                }
            }
            task.put(batch);
            task.flush(Map.of());
        } finally {
            task.stop();
        }
        double loadSeconds = load.seconds();
        Stopwatch build = Stopwatch.start();
        db.buildHnswIndex(table, OptionalInt.of(BUILD_WORKERS));
        double buildSeconds = build.seconds();
        if (db.count(table) != rows) {
            throw new IllegalStateException(table + " holds " + db.count(table) + " rows, expected " + rows);
        }
        try (Connection session = db.openSession();
                Statement statement = session.createStatement()) {
            // Statistics, as autovacuum would gather shortly after a load, so the planner sees the table as it is.
            statement.execute("ANALYZE " + table);
            try (ResultSet sizes = statement.executeQuery("SELECT pg_table_size('" + table + "'), pg_relation_size('"
                    + PgDatabase.hnswIndexName(table) + "')")) {
                sizes.next();
                return new Result(rows, loadSeconds, buildSeconds, sizes.getLong(1), sizes.getLong(2));
            }
        }
    }

    /** The record the source connector would emit (float32_le vector), as the JsonConverter hands it over schemaless. */
    private static SinkRecord record(Segment segment, String playlist, long offset) {
        String id = SegmentIds.documented(segment.videoId(), segment.start(), segment.end())
                .toString();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put(SegmentSchema.ID, id);
        value.put(SegmentSchema.VIDEO_ID, segment.videoId());
        value.put(SegmentSchema.START, segment.start());
        value.put(SegmentSchema.END, segment.end());
        value.put(SegmentSchema.START_SECONDS, Timecodes.toSeconds(segment.start()));
        value.put(SegmentSchema.END_SECONDS, Timecodes.toSeconds(segment.end()));
        value.put(SegmentSchema.EMBEDDING, Float32Codec.encode(segment.embedding()));
        value.put(SegmentSchema.EMBEDDING_OPTION, segment.option());
        value.put(SegmentSchema.EMBEDDING_SCOPE, segment.scope());
        value.put(SegmentSchema.HLS_PLAYLIST_URL, playlist);
        return new SinkRecord(TOPIC, 0, Schema.STRING_SCHEMA, id, null, value, offset);
    }
}
