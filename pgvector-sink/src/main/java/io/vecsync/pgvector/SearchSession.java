/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A searcher's connection in autocommit, with its session settings: hnsw.ef_search, set only when it changes, and
 * on pgvector 0.8 or later iterative index scans, so a filter that rejects most candidates still gets its top-k.
 */
final class SearchSession implements AutoCloseable {

    private final Connection connection;
    private int efSearch = -1;

    private SearchSession(Connection connection) {
        this.connection = connection;
    }

    static SearchSession open(PgConnections connections) throws SQLException {
        Connection connection = connections.open();
        try {
            connection.setAutoCommit(true);
            PgConnections.registerVectorType(connection);
            if (iterativeScans(connection)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET hnsw.iterative_scan = strict_order");
                }
            }
            return new SearchSession(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Whether the installed pgvector (0.8.0 and later) scans its index iteratively when filters leave too few rows. */
    private static boolean iterativeScans(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT string_to_array(extversion, '.')::int[] >= '{0,8,0}' FROM pg_extension WHERE extname = 'vector'");
                ResultSet result = query.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }

    Connection connection() {
        return connection;
    }

    void efSearch(int value) throws SQLException {
        if (value != efSearch) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET hnsw.ef_search = " + value);
            }
            efSearch = value;
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing a connection that failed or is no longer needed: nothing to recover.
        }
    }
}
