package io.vecsync.bench;

import com.pgvector.PGvector;
import io.vecsync.bench.CopyBinaryRows.Columns;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Ways the pgvector sink's writer could write one batch into its table, in the caller's transaction. */
enum WritePath {

    /** What PgVectorWriter does today; its SQL is copied here, as the writer is not public. */
    UPSERT("JDBC batch of INSERT..ON CONFLICT DO UPDATE (the sink today)") {
        @Override
        void write(Connection session, String table, List<SegmentRow> batch) throws SQLException {
            try (PreparedStatement upsert = session.prepareStatement("INSERT INTO " + table + " " + Columns.SINK.sql()
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (segment_id) DO UPDATE SET " + UPDATE_ALL)) {
                for (SegmentRow row : batch) {
                    upsert.setObject(1, row.id());
                    upsert.setObject(2, row.videoId());
                    upsert.setString(3, row.start());
                    upsert.setString(4, row.end());
                    upsert.setObject(5, new PGvector(row.embedding()));
                    upsert.setDouble(6, row.startSeconds());
                    upsert.setDouble(7, row.endSeconds());
                    upsert.setString(8, SegmentRows.EMBEDDING_OPTION);
                    upsert.setString(9, "{}");
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
    },

    STAGED_COPY("COPY BINARY into a temp table, then INSERT..SELECT..ON CONFLICT DO UPDATE") {
        @Override
        void write(Connection session, String table, List<SegmentRow> batch) throws SQLException, IOException {
            try (Statement statement = session.createStatement()) {
                statement.execute("CREATE TEMP TABLE IF NOT EXISTS vecsync_staging (LIKE " + table + ") ON COMMIT DELETE ROWS");
                RawCopy.copy(session, "vecsync_staging", Columns.SINK, batch);
                statement.execute("INSERT INTO " + table + " " + Columns.SINK.sql() + " SELECT * FROM vecsync_staging"
                        + " ON CONFLICT (segment_id) DO UPDATE SET " + UPDATE_ALL);
            }
        }
    },

    /** New ids go by COPY, the raw floor; only ids already in the table pay for the upsert. */
    PROBE_THEN_COPY("SELECT the ids present; COPY BINARY the new rows, upsert the rest") {
        @Override
        void write(Connection session, String table, List<SegmentRow> batch) throws SQLException, IOException {
            Set<UUID> present = new HashSet<>();
            try (PreparedStatement probe = session.prepareStatement("SELECT segment_id FROM " + table + " WHERE segment_id = ANY(?)")) {
                probe.setArray(1, session.createArrayOf("uuid", batch.stream().map(SegmentRow::id).toArray()));
                try (ResultSet ids = probe.executeQuery()) {
                    while (ids.next()) {
                        present.add(ids.getObject(1, UUID.class));
                    }
                }
            }
            List<SegmentRow> fresh = batch.stream().filter(row -> !present.contains(row.id())).toList();
            if (!fresh.isEmpty()) {
                RawCopy.copy(session, table, Columns.SINK, fresh);
            }
            if (!present.isEmpty()) {
                UPSERT.write(session, table, batch.stream().filter(row -> present.contains(row.id())).toList());
            }
        }
    };

    private static final String UPDATE_ALL = "video_id = EXCLUDED.video_id, start_ts = EXCLUDED.start_ts, end_ts = EXCLUDED.end_ts,"
            + " embedding = EXCLUDED.embedding, start_seconds = EXCLUDED.start_seconds, end_seconds = EXCLUDED.end_seconds,"
            + " embedding_option = EXCLUDED.embedding_option, payload = EXCLUDED.payload";

    private final String label;

    WritePath(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    abstract void write(Connection session, String table, List<SegmentRow> batch) throws SQLException, IOException;
}
