package io.vecsync.bench;

import com.pgvector.PGvector;

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
import java.util.Properties;

/** The benchmark's own session with PostgreSQL: makes, checks and drops tables, counts rows, looks at the HNSW index. */
final class PgDatabase implements AutoCloseable {

    /** Where a table's HNSW index is. */
    enum IndexState { NONE, BUILDING, VALID }

    private final String url;
    private final Connection connection;
    private final PgServerCpu serverCpu;
    private Optional<String> checkpointRefusal = Optional.empty();

    private PgDatabase(String url, Connection connection) throws SQLException {
        this.url = url;
        this.connection = connection;
        this.serverCpu = PgServerCpu.of(connection);
    }

    static PgDatabase connect(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS vector");
        }
        PGvector.addVectorType(connection);
        return new PgDatabase(url, connection);
    }

    String url() {
        return url;
    }

    /** A session of its own for a variant's writes, in autocommit mode. */
    Connection openSession() throws SQLException {
        return openSession(new Properties());
    }

    /** A session with driver properties, e.g. reWriteBatchedInserts. */
    Connection openSession(Properties properties) throws SQLException {
        Connection session = DriverManager.getConnection(url, properties);
        PGvector.addVectorType(session);
        return session;
    }

    /** e.g. "PostgreSQL 15.14 + pgvector 0.8.0". */
    String serverVersion() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT current_setting('server_version'),"
                     + " (SELECT extversion FROM pg_extension WHERE extname = 'vector')")) {
            result.next();
            return "PostgreSQL " + result.getString(1).split(" ")[0] + " + pgvector " + result.getString(2);
        }
    }

    /** The platform docs' table: the five columns, a primary key on segment_id, no vector index. */
    void createDocsTable(String table) throws SQLException {
        execute("CREATE TABLE " + table + " (segment_id uuid PRIMARY KEY, video_id uuid NOT NULL, start_ts text NOT NULL,"
                + " end_ts text NOT NULL, embedding vector(" + SegmentRows.DIMENSION + "))");
    }

    /** The sink's table as it creates it (PgVectorTableAdmin): the docs' columns and the four it adds. */
    void createSinkTable(String table) throws SQLException {
        createDocsTable(table);
        execute("ALTER TABLE " + table + " ADD COLUMN start_seconds double precision, ADD COLUMN end_seconds double precision,"
                + " ADD COLUMN embedding_option text, ADD COLUMN payload jsonb");
    }

    /**
     * Builds the HNSW cosine index as the sink does (CREATE INDEX CONCURRENTLY, m=16, ef_construction=64) on a session
     * of its own.
     *
     * @param parallelWorkers empty: the server's choice, as the sink leaves it; else the parallel workers to force. The
     *                        server bases its choice on the heap's size, and pgvector keeps vectors out of the heap
     *                        (TOAST), so the heap looks too small for workers unless min_parallel_table_scan_size is 0.
     */
    void buildHnswIndex(String table, OptionalInt parallelWorkers) throws SQLException {
        try (Connection session = openSession(); Statement statement = session.createStatement()) {
            if (parallelWorkers.isPresent()) {
                statement.execute("SET max_parallel_maintenance_workers = " + parallelWorkers.getAsInt());
                statement.execute("SET min_parallel_table_scan_size = 0");
            }
            statement.execute("CREATE INDEX CONCURRENTLY " + table + "_hnsw ON " + table
                    + " USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)");
        }
    }

    void dropHnswIndex(String table) throws SQLException {
        execute("DROP INDEX IF EXISTS " + table + "_hnsw");
    }

    /**
     * Writes the server's dirty buffers out now, so that a checkpoint forced by the last variant's WAL (~0.2 GB per
     * 50,000 rows) does not fall into the next one's timing; nothing, once refused: CHECKPOINT takes a superuser, or
     * pg_checkpoint from PostgreSQL 15.
     */
    void checkpoint() {
        if (checkpointRefusal.isEmpty()) {
            try {
                execute("CHECKPOINT");
            } catch (SQLException refused) {
                checkpointRefusal = Optional.of(refused.getMessage());
            }
        }
    }

    /** Why the server refused {@link #checkpoint()}; empty while it took every one. */
    Optional<String> checkpointRefusal() {
        return checkpointRefusal;
    }

    void drop(String table) throws SQLException {
        execute("DROP TABLE IF EXISTS " + table);
    }

    void truncate(String table) throws SQLException {
        execute("TRUNCATE " + table);
    }

    /** Rows in the table; 0 while it does not exist (the sink creates its table when its task starts). */
    long count(String table) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table);
            try (ResultSet result = exists.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    return 0;
                }
            }
        }
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    IndexState hnswIndex(String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT bool_or(x.indisvalid) FROM pg_index x"
                + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am a ON a.oid = i.relam"
                + " WHERE x.indrelid = to_regclass(?) AND a.amname = 'hnsw'")) {
            query.setString(1, table);
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
        try (PreparedStatement query = connection.prepareStatement("SELECT embedding FROM " + table + " WHERE segment_id = ?")) {
            query.setObject(1, sample.id());
            try (ResultSet result = query.executeQuery()) {
                if (!result.next() || !Arrays.equals(((PGvector) result.getObject(1)).toArray(), sample.embedding())) {
                    throw new IllegalStateException(table + ": segment " + sample.id() + " is missing or has another vector");
                }
            }
        }
    }

    /** CPU seconds the server has used so far; NaN when it runs on another machine. */
    double serverCpuSeconds() {
        return serverCpu.seconds();
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
