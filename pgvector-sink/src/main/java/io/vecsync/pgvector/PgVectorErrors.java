/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import io.vecsync.core.sink.RefusedBatchException;
import io.vecsync.core.sink.StoreErrors;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Sorts PostgreSQL failures: transient (retry), a row the table refuses (data), or one the user fixes in config (which key). */
final class PgVectorErrors implements StoreErrors<SQLException> {

    static final PgVectorErrors INSTANCE = new PgVectorErrors();

    /** SQLSTATE classes and codes a retry can fix: connection loss, serialization, deadlock, shutdown, resources, cancel, lock timeout. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57");

    private static final Set<String> TRANSIENT_CODES = Set.of("40001", "40P01", "55P03");
    /** Data exceptions and integrity constraint violations: one row's values, not the batch or the connection. */
    private static final Set<String> DATA_CLASSES = Set.of("22", "23");

    private static final String INVALID_PASSWORD = "28P01";
    private static final String NO_SUCH_DATABASE = "3D000";

    private PgVectorErrors() {}

    /**
     * A failure as the Connect exception that says whether to retry, with what was being done and what to fix. A row
     * the table refuses is a {@link RefusedBatchException} with the server's reason, which the dead-letter queue shows
     * once the framework has halved the batch down to that row.
     */
    @Override
    public ConnectException classify(String doing, SQLException e) {
        if (isDataError(e)) {
            // The framework names the point; the server says what is wrong with it.
            return new RefusedBatchException(reason(e), e);
        }
        String message = doing + " failed: " + describe(e) + hint(e);
        return isTransient(e) ? new RetriableException(message, e) : new ConnectException(message, e);
    }

    static boolean isTransient(SQLException e) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            if (current instanceof SQLTransientException
                    || current instanceof SQLRecoverableException
                    || TRANSIENT_CODES.contains(current.getSQLState())
                    || TRANSIENT_CLASSES.contains(sqlClass(current))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the server refused a row's values (SQLSTATE class 22 or 23), so that the other rows may still go in. */
    static boolean isDataError(SQLException e) {
        return DATA_CLASSES.contains(sqlClass(serverError(e)));
    }

    /** The server's own sentence for a refused row, without the row's values that its detail would repeat. */
    private static String reason(SQLException e) {
        SQLException server = serverError(e);
        ServerErrorMessage message = server instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String text = message != null && message.getMessage() != null ? message.getMessage() : server.getMessage();
        return "PostgreSQL refused it: " + text + " (SQLSTATE " + server.getSQLState() + ")";
    }

    /** The config key to fix for a failed login: the password, the user, or the URL (host, port, database). */
    static String configKey(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        if (state.equals(INVALID_PASSWORD)) {
            return PgVectorSinkConfig.PASSWORD;
        }
        return state.startsWith("28") ? PgVectorSinkConfig.USER : PgVectorSinkConfig.URL;
    }

    /** The message with its SQLSTATE and, for the driver's generic connection failures, the network's reason. */
    static String describe(SQLException e) {
        Throwable cause = e.getCause();
        return e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")")
                + (cause != null && !(cause instanceof SQLException) ? " (" + cause + ")" : "");
    }

    /** What to fix, naming the config key, when the failure says which one. */
    static String hint(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        if (state.startsWith("28")) {
            return "; check " + PgVectorSinkConfig.USER + " and " + PgVectorSinkConfig.PASSWORD;
        }
        if (state.equals(NO_SUCH_DATABASE)) {
            return "; check the database named in " + PgVectorSinkConfig.URL;
        }
        if (state.equals("08001") || state.equals("08004")) {
            return "; check " + PgVectorSinkConfig.URL;
        }
        return "";
    }

    /** The server's error in the chain, else the exception itself: a JDBC batch's failure carries its statement's next. */
    private static SQLException serverError(SQLException e) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            if (current instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return current;
            }
        }
        return e;
    }

    private static String sqlClass(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.length() < 2 ? "" : state.substring(0, 2);
    }
}
