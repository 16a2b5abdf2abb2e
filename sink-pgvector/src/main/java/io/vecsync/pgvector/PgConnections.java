package io.vecsync.pgvector;

import com.pgvector.PGvector;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Properties;
import java.util.Set;

/** Opens connections from the sink's config, and sorts SQL failures into transient (retry) and permanent ones. */
final class PgConnections {

    /** SQLSTATE classes and codes a retry can fix: connection loss, serialization, deadlock, shutdown, resources, cancel. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57");
    private static final Set<String> TRANSIENT_CODES = Set.of("40001", "40P01", "55P03");

    private final PgVectorSinkConfig config;

    PgConnections(PgVectorSinkConfig config) {
        this.config = config;
    }

    /** A connection with pgvector's binary type registered, in manual-commit mode. */
    Connection open() throws SQLException {
        Properties props = new Properties();
        if (config.user() != null) {
            props.setProperty("user", config.user());
        }
        if (config.password() != null) {
            props.setProperty("password", config.password().value());
        }
        props.setProperty("sslmode", config.sslMode());
        // Rewrites a JDBC batch of inserts into multi-row INSERTs: one round trip per few hundred rows.
        props.setProperty("reWriteBatchedInserts", "true");
        props.setProperty("ApplicationName", "vecsync-pgvector-sink");
        props.setProperty("connectTimeout", "10");
        Connection connection = DriverManager.getConnection(config.url(), props);
        connection.setAutoCommit(false);
        return connection;
    }

    /** Registers pgvector's binary codec; only possible once the extension exists. */
    static void registerVectorType(Connection connection) throws SQLException {
        PGvector.addVectorType(connection);
    }

    /** A failure as the Connect exception that says whether to retry, with what was being done. */
    static ConnectException classify(String doing, SQLException e) {
        String message = doing + " failed: " + e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
        return isTransient(e) ? new RetriableException(message, e) : new ConnectException(message, e);
    }

    static boolean isTransient(SQLException e) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            String state = current.getSQLState();
            if (current instanceof SQLTransientException || current instanceof SQLRecoverableException
                    || state != null && (TRANSIENT_CODES.contains(state) || state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
                return true;
            }
        }
        return false;
    }
}
