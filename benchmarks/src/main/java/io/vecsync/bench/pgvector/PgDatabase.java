/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import com.pgvector.PGvector;
import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.SegmentRow;
import io.vecsync.bench.common.SegmentRows;
import io.vecsync.bench.common.ServerProcessCpu;
import io.vecsync.pgvector.PgVectorSinkConfig;
import io.vecsync.pgvector.PgVectorTableLayout;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The benchmark's own session with PostgreSQL: makes, checks and drops tables, counts rows, looks at the HNSW index.
 * Its tables are in the sink's default schema, laid out by the sink's {@link PgVectorTableLayout}; a table name is
 * plain, unquoted.
 */
public final class PgDatabase implements AutoCloseable, Cost.Server {

    public static final String URL_OPTION = "--pg-url";
    public static final String URL_ENV = "VECSYNC_PG_URL";
    private static final String SCHEMA =
            (String) PgVectorSinkConfig.CONFIG_DEF.defaultValues().get(PgVectorSinkConfig.SCHEMA);

    /** Where a table's HNSW index is. */
    enum IndexState {
        NONE,
        BUILDING,
        VALID
    }

    private final String url;
    private final Connection connection;
    private final ServerProcessCpu serverCpu;
    private Optional<String> checkpointRefusal = Optional.empty();

    private PgDatabase(String url, Connection connection) throws SQLException {
        this.url = url;
        this.connection = connection;
        this.serverCpu = PgServerCpu.of(connection);
    }

    public static PgDatabase connect(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS vector");
        }
        PGvector.addVectorType(connection);
        return new PgDatabase(url, connection);
    }

    public String url() {
        return url;
    }

    /** A session of its own for a variant's writes, in autocommit mode. */
    public Connection openSession() throws SQLException {
        Connection session = DriverManager.getConnection(url);
        PGvector.addVectorType(session);
        return session;
    }

    /** e.g. "PostgreSQL 15.14 + pgvector 0.8.0". */
    public String serverVersion() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT current_setting('server_version'),"
                        + " (SELECT extversion FROM pg_extension WHERE extname = 'vector')")) {
            result.next();
            return "PostgreSQL " + result.getString(1).split(" ")[0] + " + pgvector " + result.getString(2);
        }
    }

    /** The sink's layout of the table, with the benchmark's vectors. */
    PgVectorTableLayout layout(String table) {
        return new PgVectorTableLayout(SCHEMA, table, SegmentRows.DIMENSION);
    }

    /** The HNSW index {@link #buildHnswIndex} builds on the table. */
    public static String hnswIndexName(String table) {
        return table + "_hnsw";
    }

    /**
     * Builds the HNSW cosine index as the sink does (CREATE INDEX CONCURRENTLY, m=16, ef_construction=64) on a session
     * of its own.
     *
     * @param parallelWorkers empty: the server's choice, as the sink leaves it; else the parallel workers to force. The
     *                        server bases its choice on the heap's size, and pgvector keeps vectors out of the heap
     *                        (TOAST), so the heap looks too small for workers unless min_parallel_table_scan_size is 0.
     */
    public void buildHnswIndex(String table, OptionalInt parallelWorkers) throws SQLException {
        try (Connection session = openSession();
                Statement statement = session.createStatement()) {
            if (parallelWorkers.isPresent()) {
                statement.execute("SET max_parallel_maintenance_workers = " + parallelWorkers.getAsInt());
                statement.execute("SET min_parallel_table_scan_size = 0");
            }
            statement.execute("CREATE INDEX CONCURRENTLY " + PgVectorTableLayout.quote(hnswIndexName(table)) + " ON "
                    + qualified(table) + " USING hnsw (" + PgVectorTableLayout.EMBEDDING
                    + " vector_cosine_ops) WITH (m = 16, ef_construction = 64)");
        }
    }

    /**
     * A CHECKPOINT: writes the server's dirty buffers out now, so that a checkpoint forced by the last variant's WAL (~0.2 GB per
     * 50,000 rows) does not fall into the next one's timing; nothing, once refused: CHECKPOINT takes a superuser, or
     * pg_checkpoint from PostgreSQL 15.
     */
    @Override
    public void settle() {
        if (checkpointRefusal.isEmpty()) {
            try {
                execute("CHECKPOINT");
            } catch (SQLException refused) {
                checkpointRefusal = Optional.of(refused.getMessage());
            }
        }
    }

    /** Why the server refused {@link #settle()}'s CHECKPOINT; empty while it took every one. */
    Optional<String> checkpointRefusal() {
        return checkpointRefusal;
    }

    public void drop(String table) throws SQLException {
        execute("DROP TABLE IF EXISTS " + qualified(table));
    }

    void truncate(String table) throws SQLException {
        execute("TRUNCATE " + qualified(table));
    }

    /** Rows in the table; 0 while it does not exist (the sink creates its table when its task starts). */
    public long count(String table) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, qualified(table));
            try (ResultSet result = exists.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    return 0;
                }
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM " + qualified(table))) {
            result.next();
            return result.getLong(1);
        }
    }

    IndexState hnswIndex(String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT bool_or(x.indisvalid) FROM pg_index x"
                + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am a ON a.oid = i.relam"
                + " WHERE x.indrelid = to_regclass(?) AND a.amname = 'hnsw'")) {
            query.setString(1, qualified(table));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                boolean valid = result.getBoolean(1);
                return result.wasNull() ? IndexState.NONE : valid ? IndexState.VALID : IndexState.BUILDING;
            }
        }
    }

    /**
     * Checks the table holds exactly the rows, by count and by one row's vector read back.
     *
     * @throws IllegalStateException when it does not
     */
    void verify(String table, List<SegmentRow> rows) throws SQLException {
        long count = count(table);
        if (count != rows.size()) {
            throw new IllegalStateException(table + " holds " + count + " rows, expected " + rows.size());
        }
        SegmentRow sample = rows.get(rows.size() / 2);
        try (PreparedStatement query = connection.prepareStatement("SELECT " + PgVectorTableLayout.EMBEDDING + " FROM "
                + qualified(table) + " WHERE " + PgVectorTableLayout.SEGMENT_ID + " = ?")) {
            query.setObject(1, sample.id());
            try (ResultSet result = query.executeQuery()) {
                if (!result.next() || !Arrays.equals(((PGvector) result.getObject(1)).toArray(), sample.embedding())) {
                    throw new IllegalStateException(
                            table + ": segment " + sample.id() + " is missing or has another vector");
                }
            }
        }
    }

    @Override
    public double cpuSeconds() {
        return serverCpu.cpuSeconds();
    }

    private String qualified(String table) {
        return layout(table).qualifiedTable();
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
