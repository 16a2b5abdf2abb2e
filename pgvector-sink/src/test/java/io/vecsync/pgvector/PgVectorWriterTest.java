/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.sink.RefusedBatchException;
import io.vecsync.core.sink.VectorPoint;
import io.vecsync.core.sink.WriteBatch;
import io.vecsync.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's two ways in — COPY for new ids, the upsert when an id is already there — store the same rows; a row the
 * table refuses makes the batch refused whole, and nothing of it is written (PgVectorRefusedRowsTest: the framework
 * then finds the row).
 */
class PgVectorWriterTest {

    private static final String TABLE = "writer_segments";
    private static final String VIDEO = "a249266f-052d-4148-bc2f-3efa76dc4269";

    private PgVectorStore store;

    @BeforeEach
    void openStore() {
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
        store = new PgVectorStore(new PgVectorSinkConfig(Map.of(
                PgVectorSinkConfig.URL,
                PostgresServer.jdbcUrl(),
                PgVectorSinkConfig.TABLE,
                TABLE,
                PgVectorSinkConfig.EMBEDDING_DIMENSION,
                "3",
                PgVectorSinkConfig.INDEX,
                "none")));
        store.admin().ensureTarget(3);
    }

    @AfterEach
    void closeStore() {
        store.close();
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
    }

    @Test
    void copiedAndUpsertedRowsAreTheSame() throws Exception {
        List<VectorPoint> points = List.of(
                point(
                        0,
                        Map.of(
                                "start_seconds",
                                0.0,
                                "end_seconds",
                                10.0,
                                "embedding_option",
                                "visual",
                                "video_name",
                                "Clip ü",
                                "tags",
                                List.of("a", "b"))),
                point(1, Map.of()));
        store.writer().write(new WriteBatch(points, List.of(), null));
        List<String> copied = rows();

        store.writer().write(new WriteBatch(points, List.of(), null));
        assertEquals(copied, rows(), "written again over themselves, through the upsert");
        assertEquals(
                "|0|10|visual|{\"tags\": [\"a\", \"b\"], \"video_name\": \"Clip ü\"}",
                copied.get(0).substring(copied.get(0).indexOf("|0|")),
                "NULLs, numbers, text and the jsonb rest as COPY wrote them");
    }

    @Test
    void aBatchWithOneKnownIdLandsWholeAndNewIdsKeepLanding() {
        store.writer().write(new WriteBatch(List.of(point(0, Map.of())), List.of(), null));
        store.writer()
                .write(new WriteBatch(
                        List.of(point(1, Map.of()), point(0, Map.of()), point(2, Map.of())), List.of(), null));
        for (int batch = 0; batch < 20; batch++) {
            store.writer().write(new WriteBatch(List.of(point(3 + batch, Map.of())), List.of(ids(0)), null));
        }
        assertEquals(22, PgTestDatabase.count(TABLE));
        assertFalse(PgTestDatabase.readAll(TABLE).containsKey(ids(0)), "the delete went with each batch");
    }

    @Test
    void aNulCharacterIsRefusedBeforeTheBatchNamingItsField() {
        DataException inText = assertThrows(
                DataException.class, () -> store.writer().check(point(0, Map.of("video_name", "a\u0000b"))));
        assertTrue(inText.getMessage().contains("field 'video_name': contains a NUL character"), inText.getMessage());
        DataException inJson = assertThrows(
                DataException.class,
                () -> store.writer().check(point(0, Map.of("tags", List.of(Map.of("k", "x\u0000"))))));
        assertTrue(inJson.getMessage().contains("field 'tags'"), inJson.getMessage());
        store.writer().check(point(0, Map.of("video_name", "a b")));
    }

    /** A user's constraint refuses a row: through COPY (new ids) and through the upsert (ids already there). */
    @Test
    void aBatchWithARowTheTableRefusesIsRefusedWholeWithTheServersReason() {
        PgTestDatabase.execute("ALTER TABLE " + TABLE + " ADD CONSTRAINT no_late_starts CHECK (start_ts < '00:00:50')");
        List<VectorPoint> first = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            first.add(point(i == 7 ? 57 : i, Map.of()));
        }
        RefusedBatchException refused = assertThrows(
                RefusedBatchException.class, () -> store.writer().write(new WriteBatch(first, List.of(), null)));
        assertTrue(
                refused.getMessage().contains("violates check constraint \"no_late_starts\"")
                        && refused.getMessage().contains("23514"),
                refused.getMessage());
        assertEquals(0, PgTestDatabase.count(TABLE));

        store.writer().write(new WriteBatch(first.subList(0, 7), List.of(), null));
        assertThrows(
                RefusedBatchException.class,
                () -> store.writer()
                        .write(new WriteBatch(
                                List.of(point(1, Map.of()), point(58, Map.of())), List.of(ids(3)), null)));
        assertEquals(7, PgTestDatabase.count(TABLE), "neither the upsert nor the delete went in");
        store.writer().write(new WriteBatch(List.of(point(1, Map.of())), List.of(ids(3)), null));
        assertEquals(6, PgTestDatabase.count(TABLE), "the connection took the next batch after the refused one");
    }

    private static VectorPoint point(int i, Map<String, Object> extra) {
        Map<String, Object> payload = new HashMap<>(extra);
        payload.put("video_id", VIDEO);
        payload.put("start", String.format("00:00:%02d", i));
        payload.put("end", String.format("00:00:%02d", i + 1));
        return new VectorPoint(ids(i), new float[] {1, i, 0.5f}, payload);
    }

    private static String ids(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }

    private static List<String> rows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = PgTestDatabase.connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT concat_ws('|', segment_id, video_id, start_ts, end_ts, embedding,"
                                + " coalesce(start_seconds::text, 'NULL'), coalesce(end_seconds::text, 'NULL'), coalesce(embedding_option, 'NULL'),"
                                + " payload) FROM " + TABLE + " ORDER BY segment_id")) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
