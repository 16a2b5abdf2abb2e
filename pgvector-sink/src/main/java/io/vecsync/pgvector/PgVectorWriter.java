/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import com.pgvector.PGvector;
import io.vecsync.core.SegmentIds;
import io.vecsync.core.SegmentSchema;
import io.vecsync.core.sink.VectorPoint;
import io.vecsync.core.sink.VectorWriter;
import io.vecsync.core.sink.WriteBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch in one transaction: the upserts as one binary COPY straight into the table, and one
 * {@code DELETE ... = ANY(?)} for the tombstones. When an id is already in the table the COPY fails as a whole, the
 * transaction is rolled back and the batch written again with a JDBC batch of {@code INSERT ... ON CONFLICT DO UPDATE},
 * which the driver rewrites into multi-row statements; the next batches then upsert right away for a while. COPY into
 * a staging table and an upsert from it measured no faster than that JDBC batch: pgvector TOASTs vectors, and staging
 * moves each twice.
 *
 * <p>When the table refuses a row's data (SQLSTATE class 22 or 23: a user's constraint, a value out of range...),
 * PostgreSQL aborts the transaction: it is rolled back and the batch reported refused ({@link PgVectorErrors}), and the
 * framework writes it again in halves, each in a transaction of its own, until the row at fault stands alone and only
 * its record goes to the dead-letter queue. What can be seen before writing, NUL characters, is refused by
 * {@link #check} already.
 */
final class PgVectorWriter implements VectorWriter {

    private static final Logger log = LoggerFactory.getLogger(PgVectorWriter.class);
    /** Payload fields with a column of their own; the rest goes to the jsonb payload column. */
    private static final Set<String> COLUMN_FIELDS = Set.of(
            SegmentSchema.VIDEO_ID,
            SegmentSchema.START,
            SegmentSchema.END,
            SegmentSchema.START_SECONDS,
            SegmentSchema.END_SECONDS,
            SegmentSchema.EMBEDDING_OPTION);

    /** Batches upserted without trying COPY first after one met an id already in the table. */
    private static final int UPSERTS_AFTER_A_CONFLICT = 16;

    private static final String UNIQUE_VIOLATION = "23505";
    /** Bytes of COPY data sent at a time. */
    private static final int COPY_CHUNK_BYTES = 256 * 1024;
    /** Room past a chunk for the row that crosses its end, so that the buffer need not grow (a 1024-d row is ~4.3 KB). */
    private static final int ROW_HEADROOM_BYTES = 64 * 1024;

    private final PgConnections connections;
    private final int columns;
    private final String copySql;
    private final String upsertSql;
    private final String deleteSql;
    /** One buffer for every COPY: a new one per batch, doubled whenever a row crossed a chunk's end, was most of the writer's garbage. */
    private final BinaryCopyBuffer copyBuffer = new BinaryCopyBuffer(COPY_CHUNK_BYTES + ROW_HEADROOM_BYTES);

    /** Volatile: a task's stop() closes it from its own thread, which ends a write waiting on the server. */
    private volatile Connection connection;

    private int upsertsBeforeCopy;

    PgVectorWriter(PgVectorSinkConfig config, PgConnections connections) {
        this.connections = connections;
        PgVectorTableLayout layout = config.tableLayout();
        this.columns = layout.columns().size();
        this.copySql = layout.copySql();
        this.upsertSql = layout.upsertSql();
        this.deleteSql =
                "DELETE FROM " + layout.qualifiedTable() + " WHERE " + PgVectorTableLayout.SEGMENT_ID + " = ANY(?)";
    }

    /** The table's required columns: video_id (a UUID), start and end. */
    @Override
    public void check(VectorPoint point) {
        Object videoId = point.payload().get(SegmentSchema.VIDEO_ID);
        if (videoId == null || !SegmentIds.isUuid(videoId.toString())) {
            throw new DataException("field '" + SegmentSchema.VIDEO_ID + "': "
                    + (videoId == null ? "missing" : "'" + videoId + "' is not a UUID") + "; the table's "
                    + PgVectorTableLayout.VIDEO_ID + " column needs one");
        }
        for (Map.Entry<String, String> field : List.of(
                Map.entry(SegmentSchema.START, PgVectorTableLayout.START),
                Map.entry(SegmentSchema.END, PgVectorTableLayout.END))) {
            if (point.payload().get(field.getKey()) == null) {
                throw new DataException("field '" + field.getKey() + "': missing; the table's " + field.getValue()
                        + " column needs it");
            }
        }
        for (Map.Entry<String, Object> field : point.payload().entrySet()) {
            if (containsNul(field.getKey()) || containsNul(field.getValue())) {
                throw new DataException(
                        "field '" + field.getKey().replace("\0", "\\u0000") + "': contains a NUL character"
                                + " (\\u0000), which PostgreSQL stores in neither text nor jsonb");
            }
        }
    }

    /** Whether a payload value, or any text nested in it, holds a NUL character. */
    private static boolean containsNul(Object value) {
        if (value instanceof String text) {
            return text.indexOf('\0') >= 0;
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .anyMatch(entry -> containsNul(String.valueOf(entry.getKey())) || containsNul(entry.getValue()));
        }
        return value instanceof Collection<?> list && list.stream().anyMatch(PgVectorWriter::containsNul);
    }

    @Override
    public void write(WriteBatch batch) {
        try {
            Connection db = connection();
            try {
                writeAll(db, batch);
                db.commit();
            } catch (SQLException e) {
                if (PgVectorErrors.isDataError(e)) {
                    // A refused row aborts the transaction, not the connection: rolled back, it takes the next write.
                    db.rollback();
                }
                throw e;
            }
        } catch (SQLException e) {
            if (!PgVectorErrors.isDataError(e)) {
                discardConnection();
            }
            throw PgVectorErrors.INSTANCE.classify("writing " + batch.size() + " points", e);
        } catch (RuntimeException | AssertionError driverFailure) {
            // pgjdbc can fail this way, not with an SQLException, when the server drops the connection mid-batch.
            boolean lost = connectionLost();
            discardConnection();
            String message = "writing " + batch.size() + " points failed: " + driverFailure;
            throw lost
                    ? new RetriableException(message + " (the connection was lost)", driverFailure)
                    : new ConnectException(message, driverFailure);
        }
    }

    /** The batch in the open transaction: the upserts by COPY or INSERT, then the deletes. */
    private void writeAll(Connection db, WriteBatch batch) throws SQLException {
        List<VectorPoint> points = batch.upserts();
        if (!points.isEmpty()) {
            if (upsertsBeforeCopy > 0) {
                upsertsBeforeCopy--;
                upsert(db, points);
            } else if (!copied(db, points)) {
                upsert(db, points);
            }
        }
        // Upserts and deletes of one batch touch different ids, so their order does not matter.
        delete(db, batch.deletes());
    }

    private boolean connectionLost() {
        try {
            return connection == null || connection.isClosed() || !connection.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * COPYs the rows into the table; false, with the transaction rolled back, when one's id was already there.
     * Until a conflict is seen again, COPY is then skipped for the next batches.
     */
    private boolean copied(Connection db, List<VectorPoint> points) throws SQLException {
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            copyBuffer.restart();
            for (VectorPoint point : points) {
                Row row = Row.of(point);
                // In the layout's column order, as the upsert's parameters.
                copyBuffer
                        .row(columns)
                        .uuid(row.id())
                        .uuid(row.videoId())
                        .text(row.start())
                        .text(row.end())
                        .vector(row.vector())
                        .float8(row.startSeconds())
                        .float8(row.endSeconds())
                        .text(row.option())
                        .jsonb(row.payload());
                if (copyBuffer.length() >= COPY_CHUNK_BYTES) {
                    copy.writeToCopy(copyBuffer.array(), 0, copyBuffer.length());
                    copyBuffer.clear();
                }
            }
            copyBuffer.finish();
            copy.writeToCopy(copyBuffer.array(), 0, copyBuffer.length());
            copy.endCopy();
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            db.rollback();
            upsertsBeforeCopy = UPSERTS_AFTER_A_CONFLICT;
            return false;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private void upsert(Connection db, List<VectorPoint> points) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement(upsertSql)) {
            for (VectorPoint point : points) {
                Row row = Row.of(point);
                upsert.setObject(1, row.id());
                upsert.setObject(2, row.videoId());
                upsert.setString(3, row.start());
                upsert.setString(4, row.end());
                upsert.setObject(5, new PGvector(row.vector()));
                setDouble(upsert, 6, row.startSeconds());
                setDouble(upsert, 7, row.endSeconds());
                upsert.setString(8, row.option());
                upsert.setString(9, row.payload());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void delete(Connection db, List<String> ids) throws SQLException {
        if (!ids.isEmpty()) {
            try (PreparedStatement delete = db.prepareStatement(deleteSql)) {
                delete.setArray(
                        1,
                        db.createArrayOf(
                                "uuid", ids.stream().map(UUID::fromString).toArray()));
                delete.executeUpdate();
            }
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value != null) {
            statement.setDouble(index, value);
        } else {
            statement.setNull(index, Types.DOUBLE);
        }
    }

    /** A point as the table's columns. */
    private record Row(
            UUID id,
            UUID videoId,
            String start,
            String end,
            float[] vector,
            Double startSeconds,
            Double endSeconds,
            String option,
            String payload) {

        static Row of(VectorPoint point) {
            Map<String, Object> payload = point.payload();
            Object option = payload.get(SegmentSchema.EMBEDDING_OPTION);
            return new Row(
                    UUID.fromString(point.id()),
                    UUID.fromString(payload.get(SegmentSchema.VIDEO_ID).toString()),
                    payload.get(SegmentSchema.START).toString(),
                    payload.get(SegmentSchema.END).toString(),
                    point.vector(),
                    seconds(payload.get(SegmentSchema.START_SECONDS)),
                    seconds(payload.get(SegmentSchema.END_SECONDS)),
                    option == null ? null : option.toString(),
                    PayloadJson.encode(payload, COLUMN_FIELDS));
        }

        private static Double seconds(Object value) {
            return value instanceof Number number ? number.doubleValue() : null;
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
