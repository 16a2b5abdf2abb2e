/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import com.pgvector.PGvector;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.kafka.common.config.types.Password;

/**
 * Opens connections from the sink's config, each with deadlines: the login within {@value #LOGIN_TIMEOUT_SECONDS} s,
 * every statement within the statement timeout and every lock wait within the lock timeout (the server cancels them),
 * and every read or write on the network within the socket timeout (the connection is then taken for dead).
 */
final class PgConnections {

    /** Bounds the TCP connect and the whole login, so that a server that accepts and never answers is no hang. */
    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    private final PgVectorSinkConfig config;

    PgConnections(PgVectorSinkConfig config) {
        this.config = config;
    }

    /** A connection with the session's deadlines, in manual-commit mode. */
    Connection open() throws SQLException {
        Connection connection =
                login(config.url(), config.user(), config.password(), config.sslMode(), config.socketTimeoutMs());
        try {
            connection.setNetworkTimeout(Runnable::run, config.socketTimeoutMs());
            try (Statement statement = connection.createStatement()) {
                // Validated integers; set before manual commit, so that no rollback can undo them.
                statement.execute("SET statement_timeout = " + config.statementTimeoutMs() + "; SET lock_timeout = "
                        + config.lockTimeoutMs());
            }
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Logs in, and nothing more: what validate() tries. Reads wait at most the login timeout until the session's own
     * socket timeout is set; writes at most the socket timeout.
     */
    static Connection login(String url, String user, Password password, String sslMode, int socketTimeoutMs)
            throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password.value());
        }
        props.setProperty("sslmode", sslMode);
        // Rewrites a JDBC batch of inserts into multi-row INSERTs: one round trip per few hundred rows.
        props.setProperty("reWriteBatchedInserts", "true");
        props.setProperty("ApplicationName", "vecsync-pgvector-sink");
        props.setProperty("connectTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        props.setProperty("socketTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
        props.setProperty("socketFactory", DeadlineSocketFactory.class.getName());
        props.setProperty("socketFactoryArg", Integer.toString(socketTimeoutMs));
        return DriverManager.getConnection(url, props);
    }

    /** Registers pgvector's binary codec; only possible once the extension exists. */
    static void registerVectorType(Connection connection) throws SQLException {
        PGvector.addVectorType(connection);
    }
}
