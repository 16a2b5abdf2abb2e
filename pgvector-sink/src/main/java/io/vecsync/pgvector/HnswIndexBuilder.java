/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the table's HNSW cosine index: creates it with the table, or — in initial-load mode — once the consumer has
 * caught up, with CREATE INDEX CONCURRENTLY on a connection of its own so writes go on meanwhile. An advisory lock
 * makes sure one task of the connector builds it.
 */
final class HnswIndexBuilder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HnswIndexBuilder.class);
    /** PostgreSQL's longest name (NAMEDATALEN - 1). */
    private static final int MAX_NAME_BYTES = 63;
    /** The bytes of a long table name's hash kept in its index's name: 64 bits. */
    private static final int HASH_BYTES = 8;

    private final PgVectorSinkConfig config;
    private final PgConnections connections;
    private final String indexName;
    private final boolean initialLoad;
    private final int caughtUpRecords;
    private final long caughtUpNanos;
    /** When the last put() that still looked like a backlog came; the task's start before any. */
    private volatile long lastBacklogPut = System.nanoTime();

    private volatile boolean pending;
    private volatile Thread builder;
    private volatile Connection builderConnection;

    HnswIndexBuilder(PgVectorSinkConfig config, PgConnections connections) {
        this.config = config;
        this.connections = connections;
        this.indexName = indexName(config.table());
        this.initialLoad = config.getBoolean(PgVectorSinkConfig.INITIAL_LOAD);
        this.caughtUpRecords = config.getInt(PgVectorSinkConfig.INITIAL_LOAD_CAUGHT_UP_RECORDS);
        this.caughtUpNanos = config.getLong(PgVectorSinkConfig.INITIAL_LOAD_CAUGHT_UP_MS) * 1_000_000L;
    }

    /**
     * The index's name: the table's and a suffix. PostgreSQL cuts names at 63 bytes (identifiers here are ASCII), so a
     * long table name keeps its first 41 characters and 64 bits of a SHA-256 of the whole name: two tables whose names
     * only differ further on would share an index name otherwise, and the second would fail to build its own. 64 bits
     * make a clash negligible (String.hashCode's 32 clash for names as alike as "..c9" and "..aw").
     */
    static String indexName(String table) {
        String name = table + "_embedding_hnsw";
        if (name.length() <= MAX_NAME_BYTES) {
            return name;
        }
        String hashed = "_hnsw_" + HexFormat.of().formatHex(sha256(table), 0, HASH_BYTES);
        return table.substring(0, MAX_NAME_BYTES - hashed.length()) + hashed;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new ConnectException("this JVM lacks SHA-256, which every Java platform must have", e);
        }
    }

    /**
     * Called once the table exists, in the admin's transaction: builds the index now unless initial-load mode defers
     * it. An index of this name left invalid by a build cut short (a cancelled CREATE INDEX CONCURRENTLY) is dropped
     * first: PostgreSQL keeps such an index, unused, and CREATE INDEX IF NOT EXISTS would keep it too.
     */
    void tableReady(Connection connection) throws SQLException {
        if (config.index() == PgVectorSinkConfig.IndexType.NONE || hasValidIndex(connection)) {
            return;
        }
        if (initialLoad) {
            pending = true;
            log.info(
                    "initial-load mode: the HNSW index on {} is built once the backlog is drained",
                    config.qualifiedTable());
            return;
        }
        try (Statement statement = connection.createStatement()) {
            if (hasInvalidIndex(connection)) {
                log.warn(
                        "HNSW index {} on {} is invalid, left by a build cut short; building it again",
                        indexName,
                        config.qualifiedTable());
                statement.execute("DROP INDEX " + qualifiedIndex());
            }
            prepareBuild(connection, statement, false);
            statement.execute(createIndexSql(false));
        }
        log.info("created HNSW cosine index {} on {}", indexName, config.qualifiedTable());
    }

    /** Whether the index build is still held back (initial-load mode). */
    boolean pending() {
        return pending;
    }

    /** Whether a build is running now. */
    boolean building() {
        return builder != null && builder.isAlive();
    }

    /** Starts the deferred build once no backlog-sized put() came for the quiet period: the consumer has caught up. */
    void delivered(int records) {
        long now = System.nanoTime();
        if (records >= caughtUpRecords) {
            lastBacklogPut = now;
            return;
        }
        if (pending && now - lastBacklogPut >= caughtUpNanos && !building()) {
            pending = false;
            Thread thread = new Thread(this::build, "vecsync-hnsw-build-" + config.table());
            thread.setDaemon(true);
            builder = thread;
            thread.start();
        }
    }

    private void build() {
        long start = System.nanoTime();
        try (Connection connection = connections.open()) {
            builderConnection = connection;
            connection.setAutoCommit(true);
            if (!tryLock(connection)) {
                log.info("another task is building the HNSW index on {}", config.qualifiedTable());
                return;
            }
            if (hasValidIndex(connection)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                prepareBuild(connection, statement, true);
                if (hasInvalidIndex(connection)) {
                    // Left by a build cut short; PostgreSQL keeps such an index, unused.
                    statement.execute("DROP INDEX CONCURRENTLY " + qualifiedIndex());
                }
                log.info("backlog drained: building HNSW index {} on {}", indexName, config.qualifiedTable());
                statement.execute(createIndexSql(true));
            }
            log.info(
                    "built HNSW index {} on {} in {} s",
                    indexName,
                    config.qualifiedTable(),
                    (System.nanoTime() - start) / 1_000_000_000);
        } catch (SQLException e) {
            lastBacklogPut = System.nanoTime();
            pending = true;
            log.warn(
                    "building HNSW index {} on {} failed; trying again once the consumer is caught up again: {}",
                    indexName,
                    config.qualifiedTable(),
                    e.getMessage());
        } finally {
            builderConnection = null;
        }
    }

    /**
     * Lets the build use parallel workers: PostgreSQL sizes them by the heap, which looks tiny because pgvector keeps
     * vectors in TOAST, so it would plan none. Memory and worker count follow the config when it sets them. A build
     * takes as long as the table is large, so the statement and read deadlines are lifted for it (TCP keepalive still
     * finds a dead server under it); a concurrent build also waits for every transaction that uses the table, which
     * blocks no one, so its lock waits are lifted too, while the admin's build in its transaction blocks writes and
     * keeps them.
     */
    private void prepareBuild(Connection connection, Statement statement, boolean concurrently) throws SQLException {
        String set = concurrently ? "SET " : "SET LOCAL ";
        connection.setNetworkTimeout(Runnable::run, 0);
        statement.execute(set + "statement_timeout = 0");
        if (concurrently) {
            statement.execute("SET lock_timeout = 0");
        }
        statement.execute(set + "min_parallel_table_scan_size = 0");
        int workers = config.getInt(PgVectorSinkConfig.INDEX_BUILD_WORKERS);
        if (workers >= 0) {
            statement.execute(set + "max_parallel_maintenance_workers = " + workers);
        }
        String memory = config.getString(PgVectorSinkConfig.INDEX_BUILD_MEMORY).trim();
        if (!memory.isEmpty()) {
            // Validated as digits and a unit: safe to inline.
            statement.execute(set + "maintenance_work_mem = '" + memory + "'");
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            lock.setString(1, "vecsync-index:" + config.qualifiedTable());
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private boolean hasValidIndex(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am a ON a.oid = i.relam"
                        + " WHERE x.indrelid = to_regclass(?) AND a.amname = 'hnsw' AND x.indisvalid")) {
            query.setString(1, config.qualifiedTable());
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    /** Whether an index of this name on the table is invalid: what a cancelled CREATE INDEX CONCURRENTLY leaves. */
    private boolean hasInvalidIndex(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM pg_index WHERE indexrelid = to_regclass(?) AND indrelid = to_regclass(?) AND NOT indisvalid")) {
            query.setString(1, qualifiedIndex());
            query.setString(2, config.qualifiedTable());
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private String qualifiedIndex() {
        return PgVectorTableLayout.quote(config.schema()) + "." + PgVectorTableLayout.quote(indexName);
    }

    private String createIndexSql(boolean concurrently) {
        return "CREATE INDEX " + (concurrently ? "CONCURRENTLY " : "") + PgVectorTableLayout.quote(indexName)
                + " ON " + config.qualifiedTable() + " USING hnsw (" + PgVectorTableLayout.EMBEDDING
                + " vector_cosine_ops) WITH (m = "
                + config.getInt(PgVectorSinkConfig.HNSW_M) + ", ef_construction = "
                + config.getInt(PgVectorSinkConfig.HNSW_EF_CONSTRUCTION) + ")";
    }

    /** Cancels a running build by closing its connection; the next start sees no valid index and builds it again. */
    @Override
    public void close() {
        Connection connection = builderConnection;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the index build connection: {}", e.getMessage());
            }
        }
    }
}
