/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pgvector.PGvector;
import io.vecsync.core.SegmentIds;
import io.vecsync.search.VectorSearcher;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.PostgresServer;
import io.vecsync.testing.ShippedConfigs;
import io.vecsync.testing.SinkPipelineSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline suite on a real PostgreSQL, plus the docs' own query and the dead-letter queue (outages: PgVectorFaultsIT). */
class PgVectorPipelineIT extends SinkPipelineSuite {

    private static final String TABLE = "pipeline_segments";
    /** The shipped config's converters (JSON text values), so that the pipeline runs what users deploy. */
    private static final Map<String, String> SHIPPED_CONVERTERS =
            ShippedConfigs.converters(ShippedConfigs.properties(Path.of("../config/pgvector-sink.properties")));

    @BeforeAll
    void dropTable() {
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
    }

    @Override
    protected Map<String, String> sinkConfig() {
        Map<String, String> config = new LinkedHashMap<>(SHIPPED_CONVERTERS);
        config.put("connector.class", PgVectorSinkConnector.class.getName());
        config.put(PgVectorSinkConfig.URL, PostgresServer.jdbcUrl());
        config.put(PgVectorSinkConfig.TABLE, TABLE);
        return config;
    }

    @Override
    protected Set<String> storedIds() {
        return PgTestDatabase.readAll(TABLE).keySet();
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> sinkConfig) {
        return new PgVectorSearcherProvider().open(sinkConfig);
    }

    /** The platform docs' own query finds the segment whose caption the query repeats. */
    @Override
    protected void afterInitialSync(PlatformSimulator simulator) throws Exception {
        Segment target = simulator.liveSegments().get(7);
        float[] query = simulator.textEmbedding(target.caption());
        try (Connection connection = PgTestDatabase.connect();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT segment_id, video_id, start_ts, end_ts,"
                                + " embedding <=> ? AS distance FROM " + TABLE + " ORDER BY embedding <=> ? LIMIT 5")) {
            statement.setObject(1, new PGvector(query));
            statement.setObject(2, new PGvector(query));
            try (ResultSet hits = statement.executeQuery()) {
                assertTrue(hits.next());
                assertEquals(
                        SegmentIds.documented(target.videoId(), target.start(), target.end())
                                .toString(),
                        hits.getString(1));
                assertEquals(target.videoId(), hits.getString(2));
                assertEquals(target.start(), hits.getString(3));
                assertTrue(hits.getDouble(5) < 0.5, "distance " + hits.getDouble(5));
            }
        }
    }

    private Map<String, String> sinkConfig(String topic, String table) {
        Map<String, String> config = new LinkedHashMap<>(SHIPPED_CONVERTERS);
        config.put("connector.class", PgVectorSinkConnector.class.getName());
        config.put("tasks.max", "2");
        config.put("topics", topic);
        config.put(PgVectorSinkConfig.URL, PostgresServer.jdbcUrl());
        config.put(PgVectorSinkConfig.TABLE, table);
        return config;
    }

    /** A sink of 4-dimensional vectors sending bad records to the dead-letter topic, reasons in headers; topics created. */
    private Map<String, String> toleratingSink(String topic, String table, String deadLetterTopic) {
        connect.kafka().createTopic(topic, 1, 1, Map.of());
        connect.kafka().createTopic(deadLetterTopic, 1, 1, Map.of());
        Map<String, String> config = sinkConfig(topic, table);
        config.put(PgVectorSinkConfig.EMBEDDING_DIMENSION, "4");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", deadLetterTopic);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        return config;
    }

    private static Set<String> rowIds(String table) {
        return PgTestDatabase.readAll(table).keySet();
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicAndGoodOnesToTheTable() {
        String topic = "dlq-input";
        String table = "dlq_segments";
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + table);
        Map<String, String> config = toleratingSink(topic, table, "dlq");
        String video = "a249266f-052d-4148-bc2f-3efa76dc4269";
        Set<String> good = produceGood(topic, video, 3);
        String wrongDimension =
                SegmentIds.documented(video, "00:01:00", "00:01:10").toString();
        connect.kafka().produce(topic, wrongDimension, segmentJson(wrongDimension, video, "[1, 2, 3]"));
        connect.kafka().produce(topic, "not-a-uuid", segmentJson("not-a-uuid", video, "[1, 2, 3, 4]"));
        connect.kafka().produce(topic, null, "not json at all");
        connect.configureConnector("dlq-sink", config);

        Eventually.await(TIMEOUT, "the three good records in the table", () -> PgTestDatabase.count(table) == 3);
        assertEquals(good, rowIds(table));
        Eventually.await(
                TIMEOUT,
                "three records in the dead-letter topic",
                () -> consumeAll("dlq").size() == 3);
        List<ConsumerRecord<byte[], byte[]>> dead = consumeAll("dlq");
        String reasons = dead.stream()
                .map(r -> header(r, "__connect.errors.exception.message"))
                .collect(Collectors.joining("\n"));
        assertTrue(reasons.contains("field 'embedding': has 3 dimensions, expected 4"), reasons);
        assertTrue(reasons.contains("'not-a-uuid' is not a UUID"), reasons);
        assertEquals(
                "RUNNING", connect.connectorStatus("dlq-sink").tasks().get(0).state());
        connect.deleteConnector("dlq-sink");
    }

    /**
     * Values PostgreSQL cannot take among good records: a NUL character (seen before writing) and a start a user's
     * constraint refuses (found by the write). They go to the dead-letter queue with the reason; the rest lands.
     */
    @Test
    void valuesTheTableRefusesGoToTheDeadLetterQueueAndTheRestLands() {
        String topic = "refused-input";
        String table = "refused_segments";
        createTableRefusingPlaceholderStarts(table);
        Map<String, String> config = toleratingSink(topic, table, "refused-dlq");
        String video = "b249266f-052d-4148-bc2f-3efa76dc4269";
        String nul = SegmentIds.documented(video, "00:09:00", "00:09:10").toString();
        String placeholder =
                SegmentIds.documented(video, "--:--:--", "00:09:20").toString();
        connect.kafka().produce(topic, nul, withNulInName(segmentJson(nul, video, "[1, 0.5, 0, 9]")));
        connect.kafka()
                .produce(topic, placeholder, withPlaceholderStart(segmentJson(placeholder, video, "[1, 0.5, 0, 8]")));
        Set<String> good = produceGood(topic, video, 5);
        connect.configureConnector("refused-sink", config);

        Eventually.await(
                TIMEOUT,
                "the five good records in the table",
                () -> rowIds(table).equals(good),
                () -> rowIds(table).toString());
        Eventually.await(
                TIMEOUT,
                "two records in the dead-letter topic",
                () -> consumeAll("refused-dlq").size() == 2);
        String reasons = consumeAll("refused-dlq").stream()
                .map(r -> header(r, "__connect.errors.exception.message"))
                .collect(Collectors.joining("\n"));
        assertTrue(reasons.contains("field 'video_name': contains a NUL character"), reasons);
        assertTrue(
                reasons.contains(
                        "the store refused point " + placeholder + ": PostgreSQL refused it: new row for relation"
                                + " \"" + table + "\" violates check constraint \"no_placeholder_start\""),
                reasons);
        assertEquals(
                "RUNNING",
                connect.connectorStatus("refused-sink").tasks().get(0).state());
        connect.deleteConnector("refused-sink");
    }

    @Test
    void withoutToleranceAValueTheTableRefusesFailsTheTaskNamingTheRecordAndTheReason() throws InterruptedException {
        for (String refused : List.of("nul", "placeholder")) {
            String topic = "refused-" + refused + "-strict";
            String table = "refused_" + refused + "_strict";
            createTableRefusingPlaceholderStarts(table);
            connect.kafka().createTopic(topic, 1, 1, Map.of());
            Map<String, String> config = sinkConfig(topic, table);
            config.put("tasks.max", "1");
            config.put(PgVectorSinkConfig.EMBEDDING_DIMENSION, "4");
            String video = "c249266f-052d-4148-bc2f-3efa76dc4269";
            String id = SegmentIds.documented(video, "00:09:00", "00:09:10").toString();
            String value = segmentJson(id, video, "[1, 0.5, 0, 9]");
            connect.kafka()
                    .produce(topic, id, refused.equals("nul") ? withNulInName(value) : withPlaceholderStart(value));
            produceGood(topic, video, 3);
            String connector = topic + "-sink";
            connect.configureConnector(connector, config);
            connect.assertions().assertConnectorIsRunningAndNumTasksHaveFailed(connector, 1, 1, "the task to fail");
            String trace = connect.connectorStatus(connector).tasks().get(0).trace();
            assertTrue(trace.contains("record " + topic + "-0@0"), trace);
            assertTrue(
                    trace.contains(refused.equals("nul") ? "contains a NUL character" : "violates check constraint"),
                    trace);
            connect.deleteConnector(connector);
        }
    }

    /** The segment with a video_name holding a NUL character, as JSON escapes it. */
    private static String withNulInName(String segmentJson) {
        return segmentJson.replace("\"end\"", "\"video_name\":\"a\\u0000b\",\"end\"");
    }

    /** The segment with the start the table's constraint refuses. */
    private static String withPlaceholderStart(String segmentJson) {
        return segmentJson.replace("\"start\":\"00:00:00\"", "\"start\":\"--:--:--\"");
    }

    /** The sink's table, with a user's constraint the sink cannot know of: no placeholder start. */
    private static void createTableRefusingPlaceholderStarts(String table) {
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + table + "; "
                + new PgVectorTableLayout("public", table, 4).createTableSql() + "; ALTER TABLE " + table
                + " ADD CONSTRAINT no_placeholder_start CHECK (start_ts <> '--:--:--')");
    }

    private Set<String> produceGood(String topic, String video, int count) {
        Set<String> good = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String id =
                    SegmentIds.documented(video, "00:00:0" + i, "00:00:1" + i).toString();
            good.add(id);
            connect.kafka().produce(topic, id, segmentJson(id, video, "[1, 0.5, 0, " + i + "]"));
        }
        return good;
    }

    private static String segmentJson(String id, String video, String embedding) {
        return "{\"id\":\"" + id + "\",\"video_id\":\"" + video + "\",\"start\":\"00:00:00\",\"end\":\"00:00:10\","
                + "\"embedding\":" + embedding + "}";
    }

    private List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic) {
        try {
            List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
            connect.kafka().consumeAll(10_000, topic).forEach(records::add);
            return records;
        } catch (Exception e) {
            throw new AssertionError("reading " + topic, e);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
