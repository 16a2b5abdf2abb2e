package io.vecsync.bench;

import io.vecsync.pgvector.BinaryCopyBuffer;

import java.io.IOException;
import java.io.OutputStream;

/** Writes segment rows to a COPY in PostgreSQL's binary format. */
final class CopyBinaryRows {

    /** Which columns a row has, in order. */
    enum Columns {
        /** The platform docs' table. */
        DOCS("(segment_id, video_id, start_ts, end_ts, embedding)", 5),
        /** The sink's table: the docs' columns, then the ones the sink adds (its jsonb payload empty, as the sink writes it here). */
        SINK("(segment_id, video_id, start_ts, end_ts, embedding, start_seconds, end_seconds, embedding_option, payload)", 9);

        private final String sql;
        private final short count;

        Columns(String sql, int count) {
            this.sql = sql;
            this.count = (short) count;
        }

        /** The column list of a COPY statement. */
        String sql() {
            return sql;
        }
    }

    private final OutputStream out;
    private final Columns columns;
    private final BinaryCopyBuffer rows = new BinaryCopyBuffer(SegmentRows.DIMENSION * Float.BYTES + 1024);

    CopyBinaryRows(OutputStream out, Columns columns) throws IOException {
        this.out = out;
        this.columns = columns;
        send();
    }

    void write(SegmentRow segment) throws IOException {
        rows.row(columns.count).uuid(segment.id()).uuid(segment.videoId()).text(segment.start()).text(segment.end())
                .vector(segment.embedding());
        if (columns == Columns.SINK) {
            rows.float8(segment.startSeconds()).float8(segment.endSeconds()).text(SegmentRows.EMBEDDING_OPTION).jsonb("{}");
        }
        // One write per row keeps the stream's per-call cost out of the way.
        send();
    }

    /** Ends the data; the COPY ends when the stream is closed. */
    void finish() throws IOException {
        rows.finish();
        send();
    }

    private void send() throws IOException {
        out.write(rows.array(), 0, rows.length());
        rows.clear();
    }
}
