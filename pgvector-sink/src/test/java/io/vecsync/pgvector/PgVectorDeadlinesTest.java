/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vecsync.core.sink.VectorPoint;
import io.vecsync.core.sink.WriteBatch;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.StoreUnavailableException;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.FaultProxy;
import io.vecsync.testing.PostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every wait on PostgreSQL ends: behind another session's lock, in a statement that runs too long, on a half-open
 * connection. Each such write fails as transient (retried by the framework), and the next one works once the cause is
 * gone. The other session here gives its lock up after {@value #HELD_SECONDS} s, so that without deadlines the test
 * fails instead of hanging, and a test that hangs anyway fails after the class's timeout.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PgVectorDeadlinesTest {

    private static final String TABLE = "deadline_segments";
    private static final int HELD_SECONDS = 20;

    private PgVectorStore store;

    @BeforeEach
    void createTable() {
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
        try (PgVectorStore setup = new PgVectorStore(new PgVectorSinkConfig(props(PostgresServer.jdbcUrl())))) {
            setup.admin().ensureTarget(3);
        }
    }

    @AfterEach
    void dropTable() {
        if (store != null) {
            store.close();
        }
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
    }

    private static Map<String, String> props(String url) {
        Map<String, String> props = new HashMap<>(Map.of(
                PgVectorSinkConfig.URL,
                url,
                PgVectorSinkConfig.TABLE,
                TABLE,
                PgVectorSinkConfig.EMBEDDING_DIMENSION,
                "3",
                PgVectorSinkConfig.INDEX,
                "none"));
        props.put(PgVectorSinkConfig.STATEMENT_TIMEOUT_MS, "1000");
        props.put(PgVectorSinkConfig.LOCK_TIMEOUT_MS, "300");
        props.put(PgVectorSinkConfig.SOCKET_TIMEOUT_MS, "2000");
        return props;
    }

    private PgVectorStore open(String url) {
        store = new PgVectorStore(new PgVectorSinkConfig(props(url)));
        return store;
    }

    @Test
    void aWriteBehindAnotherSessionsLockGivesUpAndGoesInOnceTheLockIsGone() throws Exception {
        open(PostgresServer.jdbcUrl());
        RetriableException error;
        try (Connection locker = lockTable()) {
            error = assertThrows(RetriableException.class, () -> store.writer().write(batch(0, 5)));
        }
        assertTrue(error.getMessage().contains("55P03"), error.getMessage());
        store.writer().write(batch(0, 5));
        assertEquals(5, PgTestDatabase.count(TABLE));
    }

    @Test
    void aSearchBehindAnotherSessionsLockGivesUp() throws Exception {
        try (VectorSearcher searcher = new PgVectorSearcherProvider().open(props(PostgresServer.jdbcUrl()));
                Connection locker = lockTable()) {
            StoreUnavailableException error = assertThrows(
                    StoreUnavailableException.class,
                    () -> searcher.search(new SearchRequest(new float[] {1, 0, 0}, 3, List.of(), null)));
            assertTrue(error.getMessage().contains("55P03"), error.getMessage());
        }
    }

    @Test
    void aWriteLongerThanTheStatementTimeoutIsCancelledAsTransient() {
        PgTestDatabase.execute(
                "CREATE FUNCTION " + TABLE + "_slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep("
                        + HELD_SECONDS + "); RETURN NULL; END $$; CREATE TRIGGER slow BEFORE INSERT ON " + TABLE
                        + " FOR EACH STATEMENT EXECUTE FUNCTION " + TABLE + "_slow()");
        try {
            open(PostgresServer.jdbcUrl());
            RetriableException error =
                    assertThrows(RetriableException.class, () -> store.writer().write(batch(0, 5)));
            assertTrue(error.getMessage().contains("57014"), error.getMessage());
        } finally {
            PgTestDatabase.execute("DROP TABLE " + TABLE + "; DROP FUNCTION " + TABLE + "_slow()");
        }
    }

    @Test
    void aHalfOpenConnectionIsGivenUpThenAFreshOneWrites() {
        assumeTrue(FaultProxy.available(), "needs Toxiproxy (bin/toxiproxy-provision)");
        try (FaultProxy proxy = FaultProxy.start("pg-deadlines", PgTestDatabase.host(), PgTestDatabase.port())) {
            open(PgTestDatabase.urlVia(proxy.host(), proxy.port()));
            store.writer().write(batch(0, 5));
            proxy.blackhole();
            assertInstanceOf(
                    RetriableException.class,
                    assertThrows(ConnectException.class, () -> store.writer().write(batch(5, 10))));
            proxy.heal();
            store.writer().write(batch(5, 10));
            assertEquals(10, PgTestDatabase.count(TABLE));
        }
    }

    /** A task's stop() closes its store while the writer waits on a dead server: the write ends at once. */
    @Test
    void closingTheStoreEndsAWriteWaitingOnADeadServer() throws Exception {
        assumeTrue(FaultProxy.available(), "needs Toxiproxy (bin/toxiproxy-provision)");
        try (FaultProxy proxy = FaultProxy.start("pg-close", PgTestDatabase.host(), PgTestDatabase.port())) {
            Map<String, String> patient = props(PgTestDatabase.urlVia(proxy.host(), proxy.port()));
            patient.put(PgVectorSinkConfig.STATEMENT_TIMEOUT_MS, "600000");
            patient.put(PgVectorSinkConfig.SOCKET_TIMEOUT_MS, "600000");
            store = new PgVectorStore(new PgVectorSinkConfig(patient));
            store.writer().write(batch(0, 5));
            proxy.blackhole();
            CompletableFuture<Void> write =
                    CompletableFuture.runAsync(() -> store.writer().write(batch(5, 10)));
            Thread.sleep(1000);
            store.close();
            Throwable failure = assertThrows(Exception.class, () -> write.get(30, TimeUnit.SECONDS))
                    .getCause();
            assertInstanceOf(RetriableException.class, failure, String.valueOf(failure));
        }
    }

    /** A session that holds an ACCESS EXCLUSIVE lock on the table until closed, or for {@value #HELD_SECONDS} s. */
    private static Connection lockTable() throws Exception {
        Connection locker = PgTestDatabase.connect();
        locker.setAutoCommit(false);
        try (Statement statement = locker.createStatement()) {
            statement.execute("SET idle_in_transaction_session_timeout = '" + HELD_SECONDS + "s'");
            statement.execute("LOCK TABLE " + TABLE + " IN ACCESS EXCLUSIVE MODE");
        }
        return locker;
    }

    private static WriteBatch batch(int from, int to) {
        List<VectorPoint> points = new java.util.ArrayList<>();
        for (int i = from; i < to; i++) {
            points.add(new VectorPoint(
                    String.format("00000000-0000-4000-8000-%012d", i),
                    new float[] {1, i, 0.5f},
                    Map.of(
                            "video_id",
                            "a249266f-052d-4148-bc2f-3efa76dc4269",
                            "start",
                            "00:00:00",
                            "end",
                            "00:00:10")));
        }
        return new WriteBatch(points, List.of(), null);
    }
}
