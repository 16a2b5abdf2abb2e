package io.vecsync.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * (a) The platform docs' Python loop, in JDBC: per row one INSERT ... ON CONFLICT (segment_id) DO UPDATE with the vector
 * as pgvector's text literal, all rows in one transaction with one commit, into the docs' table without a vector index.
 */
final class DocsLoop {

    static final String KEY = "docs-loop";
    private static final String TABLE = "bench_docs_loop";

    private DocsLoop() {
    }

    static PgRun run(PgDatabase db, List<SegmentRow> rows) throws SQLException {
        db.drop(TABLE);
        db.createDocsTable(TABLE);
        String sql = "INSERT INTO " + TABLE + " (segment_id, video_id, start_ts, end_ts, embedding) VALUES (?, ?, ?, ?, ?::vector)"
                + " ON CONFLICT (segment_id) DO UPDATE SET embedding = EXCLUDED.embedding";
        try (Connection session = db.openSession()) {
            session.setAutoCommit(false);
            Cost.Meter meter = Cost.start(db);
            try (PreparedStatement insert = session.prepareStatement(sql)) {
                for (SegmentRow row : rows) {
                    insert.setObject(1, row.id());
                    insert.setObject(2, row.videoId());
                    insert.setString(3, row.start());
                    insert.setString(4, row.end());
                    insert.setString(5, textLiteral(row.embedding()));
                    insert.executeUpdate();
                }
            }
            session.commit();
            Cost cost = meter.stop();
            db.verify(TABLE, rows);
            return new PgRun(KEY, "(a) docs' loop: per-row INSERT..ON CONFLICT, text vector, 1 commit", rows.size(), cost,
                    Optional.empty());
        } finally {
            db.drop(TABLE);
        }
    }

    /** pgvector's text form, '[0.1,0.2,...]', built per row as the docs' loop builds it from the parsed list. */
    private static String textLiteral(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(vector[i]);
        }
        return text.append(']').toString();
    }
}
