/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import io.vecsync.core.sink.TargetAdmin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the segments table and its HNSW cosine index when missing, or verifies the ones a user already has. It reads
 * the catalog first and changes only what differs, so that a start with nothing to change takes no lock on the table;
 * a change waits at most the lock timeout for its lock (other sessions' reads queue behind a waiting ALTER TABLE), and
 * is then tried again later as a transient failure.
 */
final class PgVectorTableAdmin implements TargetAdmin {

    private static final Logger log = LoggerFactory.getLogger(PgVectorTableAdmin.class);

    private final PgVectorSinkConfig config;
    private final PgConnections connections;
    private final HnswIndexBuilder indexBuilder;

    PgVectorTableAdmin(PgVectorSinkConfig config, PgConnections connections, HnswIndexBuilder indexBuilder) {
        this.config = config;
        this.connections = connections;
        this.indexBuilder = indexBuilder;
    }

    @Override
    public void ensureTarget(int dimension) {
        try (Connection connection = connections.open()) {
            // Tasks of one connector start together: one at a time creates the extension, table and index.
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "vecsync-table:" + config.qualifiedTable());
                lock.execute();
            }
            ensureExtension(connection);
            ensureSchema(connection);
            PgVectorTableLayout layout = new PgVectorTableLayout(config.schema(), config.table(), dimension);
            String existingType = embeddingType(connection);
            if (existingType == null) {
                createTable(connection, layout);
            } else {
                verify(connection, existingType, layout);
            }
            // Still under the lock: two tasks would create the index twice.
            indexBuilder.tableReady(connection);
            connection.commit();
        } catch (SQLException e) {
            throw PgVectorErrors.INSTANCE.classify("preparing table " + config.qualifiedTable(), e);
        }
    }

    private void ensureExtension(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet installed = statement.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'vector'")) {
            if (installed.next()) {
                return;
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS vector");
        } catch (SQLException e) {
            throw new ConnectException(
                    "the pgvector extension is not installed in the database and could not be created ("
                            + e.getMessage() + "); ask an administrator to run CREATE EXTENSION vector",
                    e);
        }
    }

    private void ensureSchema(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            query.setString(1, config.schema());
            try (ResultSet found = query.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + PgVectorTableLayout.quote(config.schema()));
        }
    }

    /** The embedding column's type, e.g. {@code vector(1024)}, or null when the table does not exist. */
    private String embeddingType(Connection connection) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
                        + " JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relname = ? AND a.attname = ? AND NOT a.attisdropped")) {
            query.setString(1, config.schema());
            query.setString(2, config.table());
            query.setString(3, PgVectorTableLayout.EMBEDDING);
            try (ResultSet result = query.executeQuery()) {
                if (result.next()) {
                    return result.getString(1);
                }
            }
        }
        if (tableExists(connection)) {
            throw new ConnectException(
                    "table " + config.qualifiedTable() + " exists but has no '" + PgVectorTableLayout.EMBEDDING
                            + "' column;" + " point " + PgVectorSinkConfig.TABLE + " at another table or drop it");
        }
        return null;
    }

    private boolean tableExists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, config.qualifiedTable());
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void createTable(Connection connection, PgVectorTableLayout layout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(layout.createTableSql());
        }
        log.info(
                "created table {} with {} {}",
                layout.qualifiedTable(),
                PgVectorTableLayout.EMBEDDING,
                layout.embeddingType());
    }

    private void verify(Connection connection, String embeddingType, PgVectorTableLayout layout) throws SQLException {
        String expected = layout.embeddingType();
        if (!embeddingType.equals(expected)) {
            throw new ConnectException(
                    "table " + layout.qualifiedTable() + " has " + PgVectorTableLayout.EMBEDDING + " " + embeddingType
                            + " but " + PgVectorSinkConfig.EMBEDDING_DIMENSION + " is " + layout.dimension() + " ("
                            + expected + ");"
                            + " use a table of that dimension or change the setting");
        }
        String wrongMetric = nonCosineIndex(connection);
        if (wrongMetric != null) {
            throw new ConnectException(
                    "table " + config.qualifiedTable() + " has vector index " + wrongMetric
                            + ", which is not for the cosine metric (vector_cosine_ops); the platform's vectors are compared by cosine");
        }
        addMissingColumns(connection, layout);
    }

    /** One ALTER TABLE for the sink's columns the table lacks, and none when it has them all. */
    private void addMissingColumns(Connection connection, PgVectorTableLayout layout) throws SQLException {
        Set<String> present = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT attname FROM pg_attribute"
                + " WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped")) {
            query.setString(1, config.qualifiedTable());
            try (ResultSet columns = query.executeQuery()) {
                while (columns.next()) {
                    present.add(columns.getString(1));
                }
            }
        }
        List<PgVectorTableLayout.Column> missing = layout.sinkColumns().stream()
                .filter(column -> !present.contains(column.name()))
                .toList();
        if (!missing.isEmpty()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(layout.addColumnsSql(missing));
            }
            log.info(
                    "added the columns {} to table {}",
                    missing.stream().map(PgVectorTableLayout.Column::name).toList(),
                    layout.qualifiedTable());
        }
    }

    /** The name and operator class of a vector index on the table that is not cosine, or null. */
    private String nonCosineIndex(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT i.relname, o.opcname FROM pg_index x"
                        + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_opclass o ON o.oid = ANY(x.indclass)"
                        + " JOIN pg_am a ON a.oid = o.opcmethod"
                        + " WHERE x.indrelid = to_regclass(?) AND a.amname IN ('hnsw', 'ivfflat') AND o.opcname <> 'vector_cosine_ops'")) {
            query.setString(1, config.qualifiedTable());
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) + " (" + result.getString(2) + ")" : null;
            }
        }
    }
}
