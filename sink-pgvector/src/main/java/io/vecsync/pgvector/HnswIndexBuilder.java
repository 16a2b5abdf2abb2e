package io.vecsync.pgvector;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps the table's HNSW cosine index: creates it with the table, or — in initial-load mode — once the consumer has
 * caught up, with CREATE INDEX CONCURRENTLY on a connection of its own so writes go on meanwhile. An advisory lock
 * makes sure one task of the connector builds it.
 */
final class HnswIndexBuilder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HnswIndexBuilder.class);

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
        String name = config.table() + "_embedding_hnsw";
        this.indexName = name.length() > 63 ? name.substring(0, 63) : name;
        this.initialLoad = config.getBoolean(PgVectorSinkConfig.INITIAL_LOAD);
        this.caughtUpRecords = config.getInt(PgVectorSinkConfig.INITIAL_LOAD_CAUGHT_UP_RECORDS);
        this.caughtUpNanos = config.getLong(PgVectorSinkConfig.INITIAL_LOAD_CAUGHT_UP_MS) * 1_000_000L;
    }

    /** Called once the table exists, in the admin's transaction: builds the index now unless initial-load mode defers it. */
    void tableReady(Connection connection) throws SQLException {
        if (config.index() == PgVectorSinkConfig.IndexType.NONE || hasValidIndex(connection)) {
            return;
        }
        if (initialLoad) {
            pending = true;
            log.info("initial-load mode: the HNSW index on {} is built once the backlog is drained", config.qualifiedTable());
            return;
        }
        try (Statement statement = connection.createStatement()) {
            prepareBuild(statement, true);
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
                prepareBuild(statement, false);
                // A build cut short leaves an invalid index behind; IF NOT EXISTS would keep it.
                statement.execute("DROP INDEX CONCURRENTLY IF EXISTS " + PgVectorSinkConfig.quote(config.schema()) + "."
                        + PgVectorSinkConfig.quote(indexName));
                log.info("backlog drained: building HNSW index {} on {}", indexName, config.qualifiedTable());
                statement.execute(createIndexSql(true));
            }
            log.info("built HNSW index {} on {} in {} s", indexName, config.qualifiedTable(), (System.nanoTime() - start) / 1_000_000_000);
        } catch (SQLException e) {
            lastBacklogPut = System.nanoTime();
            pending = true;
            log.warn("building HNSW index {} on {} failed; trying again once the consumer is caught up again: {}",
                    indexName, config.qualifiedTable(), e.getMessage());
        } finally {
            builderConnection = null;
        }
    }

    /**
     * Lets the build use parallel workers: PostgreSQL sizes them by the heap, which looks tiny because pgvector keeps
     * vectors in TOAST, so it would plan none. Memory and worker count follow the config when it sets them.
     */
    private void prepareBuild(Statement statement, boolean inTransaction) throws SQLException {
        String set = inTransaction ? "SET LOCAL " : "SET ";
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

    private String createIndexSql(boolean concurrently) {
        return "CREATE INDEX " + (concurrently ? "CONCURRENTLY " : "") + "IF NOT EXISTS " + PgVectorSinkConfig.quote(indexName)
                + " ON " + config.qualifiedTable() + " USING hnsw (embedding vector_cosine_ops) WITH (m = "
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
