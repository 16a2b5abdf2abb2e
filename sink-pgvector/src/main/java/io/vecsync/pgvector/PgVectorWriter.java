package io.vecsync.pgvector;

import com.pgvector.PGvector;
import io.vecsync.core.SegmentSchema;
import io.vecsync.core.config.Validators;
import io.vecsync.core.sink.VectorPoint;
import io.vecsync.core.sink.VectorWriter;
import io.vecsync.core.sink.WriteBatch;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a batch in one transaction: one {@code DELETE ... = ANY(?)} for the tombstones, then a JDBC batch of
 * {@code INSERT ... ON CONFLICT DO UPDATE} with binary vectors, which the driver rewrites into multi-row statements.
 * That measured faster here than COPY into a staging table, since pgvector TOASTs vectors and staging moves each twice.
 */
final class PgVectorWriter implements VectorWriter {

    private static final Logger log = LoggerFactory.getLogger(PgVectorWriter.class);
    /** Payload fields with a column of their own; the rest goes to the jsonb payload column. */
    private static final Set<String> COLUMN_FIELDS = Set.of(SegmentSchema.VIDEO_ID, SegmentSchema.START, SegmentSchema.END,
            SegmentSchema.START_SECONDS, SegmentSchema.END_SECONDS, SegmentSchema.EMBEDDING_OPTION);

    private final PgConnections connections;
    private final String upsertSql;
    private final String deleteSql;
    private Connection connection;

    PgVectorWriter(PgVectorSinkConfig config, PgConnections connections) {
        this.connections = connections;
        String table = config.qualifiedTable();
        this.upsertSql = "INSERT INTO " + table + " (segment_id, video_id, start_ts, end_ts, embedding, start_seconds,"
                + " end_seconds, embedding_option, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
                + " ON CONFLICT (segment_id) DO UPDATE SET video_id = EXCLUDED.video_id, start_ts = EXCLUDED.start_ts,"
                + " end_ts = EXCLUDED.end_ts, embedding = EXCLUDED.embedding, start_seconds = EXCLUDED.start_seconds,"
                + " end_seconds = EXCLUDED.end_seconds, embedding_option = EXCLUDED.embedding_option, payload = EXCLUDED.payload";
        this.deleteSql = "DELETE FROM " + table + " WHERE segment_id = ANY(?)";
    }

    /** The table's required columns: video_id (a UUID), start and end. */
    @Override
    public void check(VectorPoint point) {
        Object videoId = point.payload().get(SegmentSchema.VIDEO_ID);
        if (videoId == null || !Validators.isUuid(videoId.toString())) {
            throw new DataException("field '" + SegmentSchema.VIDEO_ID + "': " + (videoId == null ? "missing" : "'" + videoId + "' is not a UUID")
                    + "; the table's video_id column needs one");
        }
        for (String field : List.of(SegmentSchema.START, SegmentSchema.END)) {
            if (point.payload().get(field) == null) {
                throw new DataException("field '" + field + "': missing; the table's " + field + "_ts column needs it");
            }
        }
    }

    @Override
    public void write(WriteBatch batch) {
        try {
            Connection db = connection();
            if (!batch.deletes().isEmpty()) {
                try (PreparedStatement delete = db.prepareStatement(deleteSql)) {
                    delete.setArray(1, db.createArrayOf("uuid", batch.deletes().stream().map(UUID::fromString).toArray()));
                    delete.executeUpdate();
                }
            }
            if (!batch.upserts().isEmpty()) {
                try (PreparedStatement upsert = db.prepareStatement(upsertSql)) {
                    for (VectorPoint point : batch.upserts()) {
                        bind(upsert, point);
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
            }
            db.commit();
        } catch (SQLException e) {
            discardConnection();
            throw PgConnections.classify("writing " + batch.size() + " points", e);
        } catch (RuntimeException | AssertionError driverFailure) {
            // pgjdbc can fail this way, not with an SQLException, when the server drops the connection mid-batch.
            boolean lost = connectionLost();
            discardConnection();
            String message = "writing " + batch.size() + " points failed: " + driverFailure;
            throw lost ? new RetriableException(message + " (the connection was lost)", driverFailure)
                    : new ConnectException(message, driverFailure);
        }
    }

    private boolean connectionLost() {
        try {
            return connection == null || connection.isClosed() || !connection.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    private static void bind(PreparedStatement statement, VectorPoint point) throws SQLException {
        Map<String, Object> payload = point.payload();
        statement.setObject(1, UUID.fromString(point.id()));
        statement.setObject(2, UUID.fromString(payload.get(SegmentSchema.VIDEO_ID).toString()));
        statement.setString(3, payload.get(SegmentSchema.START).toString());
        statement.setString(4, payload.get(SegmentSchema.END).toString());
        statement.setObject(5, new PGvector(point.vector()));
        setDouble(statement, 6, payload.get(SegmentSchema.START_SECONDS));
        setDouble(statement, 7, payload.get(SegmentSchema.END_SECONDS));
        Object option = payload.get(SegmentSchema.EMBEDDING_OPTION);
        statement.setString(8, option == null ? null : option.toString());
        Map<String, Object> rest = new LinkedHashMap<>(payload);
        rest.keySet().removeAll(COLUMN_FIELDS);
        statement.setString(9, PayloadJson.encode(rest));
    }

    private static void setDouble(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Number number) {
            statement.setDouble(index, number.doubleValue());
        } else {
            statement.setNull(index, Types.DOUBLE);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = connections.open();
            PgConnections.registerVectorType(connection);
        }
        return connection;
    }

    /** After a failure the connection may be broken or mid-transaction: the next write opens a new one. */
    private void discardConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing a failed connection: {}", e.getMessage());
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        discardConnection();
    }
}
