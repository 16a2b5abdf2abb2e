/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.PostgresServer;
import io.vecsync.testing.SinkTasks;
import io.vecsync.testing.StoreTestHarness;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Table and index set-up on a real PostgreSQL: what is created, what is verified, initial-load mode, and what it locks.
 * Another session that holds a lock here gives it up after 30 s, so that a start that waits for it fails its test
 * instead of hanging.
 */
class PgVectorTableAdminTest {

    private static final String TABLE = "admin_segments";
    private final StoreTestHarness<VectorSinkTask> tasks = new StoreTestHarness<>(PgVectorSinkTask::new);

    @BeforeEach
    @AfterEach
    void dropTable() {
        tasks.close();
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
    }

    private VectorSinkTask start(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of(
                PgVectorSinkConfig.URL,
                PostgresServer.jdbcUrl(),
                PgVectorSinkConfig.TABLE,
                TABLE,
                PgVectorSinkConfig.EMBEDDING_DIMENSION,
                "3"));
        props.putAll(extra);
        return tasks.start(props);
    }

    @Test
    void createsTheDocsTableWithAnHnswCosineIndex() throws Exception {
        start(Map.of());
        assertEquals(
                List.of(
                        "segment_id uuid",
                        "video_id uuid",
                        "start_ts text",
                        "end_ts text",
                        "embedding vector(3)",
                        "start_seconds double precision",
                        "end_seconds double precision",
                        "embedding_option text",
                        "payload jsonb"),
                query("SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '"
                        + TABLE + "'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum"));
        assertEquals(List.of("hnsw vector_cosine_ops"), vectorIndexes());
    }

    @Test
    void anExistingDocsTableGetsTheExtraColumnsAndKeepsItsRows() throws Exception {
        PgTestDatabase.createDocsTable(TABLE, 3);
        PgTestDatabase.execute("INSERT INTO " + TABLE + " VALUES ('ea0b39d2-9327-572d-a218-3ea7d3e9586c',"
                + " 'a249266f-052d-4148-bc2f-3efa76dc4269', '00:00:00', '00:00:10', '[1,2,3]')");
        start(Map.of());
        assertEquals(1, PgTestDatabase.count(TABLE));
        assertTrue(query("SELECT attname FROM pg_attribute WHERE attrelid = '" + TABLE + "'::regclass")
                .contains("payload"));
    }

    @Test
    void anIndexForAnotherMetricIsRefused() {
        PgTestDatabase.createDocsTable(TABLE, 3);
        PgTestDatabase.execute("CREATE INDEX ON " + TABLE + " USING hnsw (embedding vector_l2_ops)");
        ConnectException error = assertThrows(ConnectException.class, () -> start(Map.of()));
        assertTrue(
                error.getMessage().contains("vector_l2_ops")
                        && error.getMessage().contains("cosine"),
                error.getMessage());
    }

    @Test
    void initialLoadModeBuildsTheIndexOnceTheBacklogIsDrained() throws Exception {
        VectorSinkTask task = start(Map.of(
                PgVectorSinkConfig.INITIAL_LOAD,
                "true",
                PgVectorSinkConfig.INITIAL_LOAD_CAUGHT_UP_RECORDS,
                "10",
                PgVectorSinkConfig.INITIAL_LOAD_CAUGHT_UP_MS,
                "200",
                PgVectorSinkConfig.INDEX_BUILD_WORKERS,
                "1",
                PgVectorSinkConfig.INDEX_BUILD_MEMORY,
                "64MB"));
        SinkTasks.write(task, backlog(50));
        assertEquals(50, PgTestDatabase.count(TABLE));
        assertTrue(vectorIndexes().isEmpty(), "no index while the backlog is large");

        Eventually.await(Duration.ofSeconds(30), "the HNSW index after short puts for the quiet period", () -> {
            SinkTasks.write(task, List.of());
            return vectorIndexes().equals(List.of("hnsw vector_cosine_ops"));
        });
    }

    @Test
    void anEmptyBatchMidBacklogDoesNotStartTheBuild() {
        PgVectorSinkConfig config = new PgVectorSinkConfig(Map.of(
                PgVectorSinkConfig.URL,
                PostgresServer.jdbcUrl(),
                PgVectorSinkConfig.TABLE,
                TABLE,
                PgVectorSinkConfig.INITIAL_LOAD,
                "true",
                PgVectorSinkConfig.INITIAL_LOAD_CAUGHT_UP_RECORDS,
                "10",
                PgVectorSinkConfig.INITIAL_LOAD_CAUGHT_UP_MS,
                "3000"));
        try (PgVectorStore store = new PgVectorStore(config)) {
            store.admin().ensureTarget(3);
            HnswIndexBuilder builder = store.indexBuilder();
            builder.delivered(0);
            assertTrue(
                    builder.pending() && !builder.building(),
                    "an empty batch right after start is no sign of a drained backlog");
            builder.delivered(500);
            builder.delivered(0);
            assertTrue(
                    builder.pending() && !builder.building(),
                    "an empty batch right after a full one is no sign either");
            Eventually.await(Duration.ofSeconds(30), "the build once only short batches came for 3 s", () -> {
                builder.delivered(3);
                return !builder.pending() && !builder.building();
            });
            assertEquals(List.of("hnsw vector_cosine_ops"), vectorIndexes());
        }
    }

    /** Another session's long search holds its lock on the table: a start with nothing to change must not queue behind it. */
    @Test
    void aStartWithNothingToChangeTakesNoLockOnTheTable() throws Exception {
        start(Map.of());
        tasks.close();
        try (Connection reader = holdAccessShareLock(TABLE)) {
            CompletableFuture.runAsync(() -> start(Map.of())).get(60, TimeUnit.SECONDS);
            assertEquals(List.of("1"), query(reader, "SELECT 1"), "started while the other session still reads");
        }
    }

    @Test
    void missingColumnsWaitForTheirLockAtMostTheLockTimeoutAndComeOnALaterTry() throws Exception {
        PgTestDatabase.createDocsTable(TABLE, 3);
        PgVectorSinkConfig config = new PgVectorSinkConfig(Map.of(
                PgVectorSinkConfig.URL,
                PostgresServer.jdbcUrl(),
                PgVectorSinkConfig.TABLE,
                TABLE,
                PgVectorSinkConfig.LOCK_TIMEOUT_MS,
                "300"));
        try (PgVectorStore store = new PgVectorStore(config)) {
            try (Connection reader = holdAccessShareLock(TABLE)) {
                CompletableFuture<Void> prepare =
                        CompletableFuture.runAsync(() -> store.admin().ensureTarget(3));
                Throwable failure = assertThrows(ExecutionException.class, () -> prepare.get(60, TimeUnit.SECONDS))
                        .getCause();
                assertInstanceOf(RetriableException.class, failure);
                assertTrue(failure.getMessage().contains("55P03"), failure.getMessage());
            }
            store.admin().ensureTarget(3);
        }
        assertTrue(query("SELECT attname FROM pg_attribute WHERE attrelid = '" + TABLE + "'::regclass")
                .contains("payload"));
    }

    /** A cancelled CREATE INDEX CONCURRENTLY leaves its index INVALID: here marked so in the catalog, as PostgreSQL does. */
    @Test
    void anIndexLeftInvalidByABuildCutShortIsBuiltAgain() throws Exception {
        start(Map.of());
        tasks.close();
        PgTestDatabase.execute("UPDATE pg_index SET indisvalid = false WHERE indrelid = '" + TABLE + "'::regclass");
        assertTrue(vectorIndexes().isEmpty());
        start(Map.of());
        assertEquals(List.of("hnsw vector_cosine_ops"), vectorIndexes());
        assertEquals(
                List.of("1"),
                query("SELECT count(*) FROM pg_index WHERE indrelid = '" + TABLE + "'::regclass AND NOT indisprimary"),
                "the invalid index was dropped");
    }

    /** PostgreSQL cuts names at 63 bytes: two long table names alike in their first 60 characters each get an index. */
    @Test
    void tablesWithLongNamesAlikeInTheirStartEachGetAnIndex() throws Exception {
        String prefix = "long_table_name_".repeat(4).substring(0, 60);
        try {
            for (String table : List.of(prefix + "_aa", prefix + "_bb")) {
                tasks.start(Map.of(
                        PgVectorSinkConfig.URL,
                        PostgresServer.jdbcUrl(),
                        PgVectorSinkConfig.TABLE,
                        table,
                        PgVectorSinkConfig.EMBEDDING_DIMENSION,
                        "3"));
                assertEquals(
                        List.of("1"),
                        query("SELECT count(*) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                                + " JOIN pg_am a ON a.oid = i.relam WHERE x.indrelid = '" + table
                                + "'::regclass AND a.amname = 'hnsw'"
                                + " AND x.indisvalid"),
                        table);
            }
        } finally {
            tasks.close();
            PgTestDatabase.execute("DROP TABLE IF EXISTS " + prefix + "_aa, " + prefix + "_bb");
        }
    }

    /**
     * Two long names sharing 50 characters, whose ends "c9" and "aw" give the same 32-bit String.hashCode: each gets an
     * index name of its own, within PostgreSQL's 63 bytes.
     */
    @Test
    void longTableNamesAlikeButForTheirEndsGetIndexNamesOfTheirOwn() {
        String prefix = "segments_of_the_customer_with_a_very_long_name_v1_";
        assertEquals(50, prefix.length());
        String first = prefix + "c9";
        String second = prefix + "aw";
        assertEquals(first.hashCode(), second.hashCode(), "the pair a 32-bit hash cannot tell apart");

        String firstIndex = HnswIndexBuilder.indexName(first);
        String secondIndex = HnswIndexBuilder.indexName(second);
        assertFalse(firstIndex.equals(secondIndex), firstIndex);
        for (String index : List.of(firstIndex, secondIndex)) {
            assertTrue(index.getBytes(StandardCharsets.UTF_8).length <= 63, index);
            assertTrue(index.matches(prefix.substring(0, 41) + "_hnsw_[0-9a-f]{16}"), index);
        }
        assertEquals("short_embedding_hnsw", HnswIndexBuilder.indexName("short"), "a short name is kept whole");
    }

    /** A session in a transaction that has read the table: it holds ACCESS SHARE until closed, as a long search does. */
    private static Connection holdAccessShareLock(String table) throws Exception {
        Connection reader = PgTestDatabase.connect();
        reader.setAutoCommit(false);
        try (Statement statement = reader.createStatement()) {
            statement.execute("SET idle_in_transaction_session_timeout = '30s'");
            statement.execute("SELECT count(*) FROM " + table);
        }
        return reader;
    }

    private List<SinkRecord> backlog(int records) {
        List<SinkRecord> backlog = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            backlog.add(tasks.records()
                    .segment(i)
                    .topic("t")
                    .vector(List.of(1, i, 2))
                    .record());
        }
        return backlog;
    }

    @Test
    void noIndexMeansNone() throws Exception {
        SinkTasks.write(start(Map.of(PgVectorSinkConfig.INDEX, "none")), List.of());
        assertFalse(PgTestDatabase.count(TABLE) > 0);
        assertTrue(vectorIndexes().isEmpty());
    }

    private List<String> vectorIndexes() {
        try {
            return query("SELECT a.amname || ' ' || o.opcname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                    + " JOIN pg_am a ON a.oid = i.relam JOIN pg_opclass o ON o.oid = ANY(x.indclass)"
                    + " WHERE x.indrelid = '" + TABLE + "'::regclass AND a.amname = 'hnsw' AND x.indisvalid");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> query(String sql) throws Exception {
        try (Connection connection = PgTestDatabase.connect()) {
            return query(connection, sql);
        }
    }

    private static List<String> query(Connection connection, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
