package io.vecsync.bench;

import io.vecsync.bench.CopyBinaryRows.Columns;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** (b) The raw floor: every row in one binary COPY into the docs' table, one commit; no conflict handling, no vector index. */
final class RawCopy {

    static final String KEY = "copy-raw";
    private static final String TABLE = "bench_copy_raw";

    private RawCopy() {
    }

    /** Copies the rows into the table with one binary COPY, in the session's transaction. */
    static void copy(Connection session, String table, Columns columns, List<SegmentRow> rows) throws SQLException, IOException {
        CopyIn copy = session.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " " + columns.sql() + " FROM STDIN (FORMAT binary)");
        try (PGCopyOutputStream out = new PGCopyOutputStream(copy, 1 << 20)) {
            CopyBinaryRows writer = new CopyBinaryRows(out, columns);
            for (SegmentRow row : rows) {
                writer.write(row);
            }
            writer.finish();
        }
    }

    static PgRun run(PgDatabase db, List<SegmentRow> rows) throws SQLException, IOException {
        db.drop(TABLE);
        db.createDocsTable(TABLE);
        try (Connection session = db.openSession()) {
            session.setAutoCommit(false);
            Cost.Meter meter = Cost.start(db);
            copy(session, TABLE, Columns.DOCS, rows);
            session.commit();
            Cost cost = meter.stop();
            db.verify(TABLE, rows);
            return new PgRun(KEY, "(b) raw COPY BINARY, one COPY, no ON CONFLICT, no vector index", rows.size(), cost, Optional.empty());
        } finally {
            db.drop(TABLE);
        }
    }
}
