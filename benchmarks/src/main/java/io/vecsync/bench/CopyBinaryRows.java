package io.vecsync.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes segment rows in PostgreSQL's binary COPY format: a header (signature, flags, extension length), per row a
 * field count and length-prefixed fields, and a -1 trailer. A uuid is its 16 bytes, text its UTF-8, float8 its 8
 * big-endian bytes, jsonb a version byte (1) and the text, a vector pgvector's binary form: int16 dimension, int16
 * unused (0), then the values as big-endian float32.
 */
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

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final byte JSONB_VERSION = 1;
    /** Room for a row: the vector and, with plenty to spare, everything else. */
    private static final int ROW_BYTES = SegmentRows.DIMENSION * Float.BYTES + 1024;

    private final OutputStream out;
    private final Columns columns;
    // ByteBuffer is big-endian, as the format is; one write per row keeps the stream's per-call cost out of the way.
    private final ByteBuffer row = ByteBuffer.allocate(ROW_BYTES);

    CopyBinaryRows(OutputStream out, Columns columns) throws IOException {
        this.out = out;
        this.columns = columns;
        row.put(SIGNATURE).putInt(0).putInt(0);
        flushRow();
    }

    void write(SegmentRow segment) throws IOException {
        row.putShort(columns.count);
        uuid(segment.id());
        uuid(segment.videoId());
        text(segment.start());
        text(segment.end());
        vector(segment.embedding());
        if (columns == Columns.SINK) {
            row.putInt(Double.BYTES).putDouble(segment.startSeconds());
            row.putInt(Double.BYTES).putDouble(segment.endSeconds());
            text(SegmentRows.EMBEDDING_OPTION);
            byte[] payload = "{}".getBytes(StandardCharsets.UTF_8);
            row.putInt(1 + payload.length).put(JSONB_VERSION).put(payload);
        }
        flushRow();
    }

    /** Ends the data; the COPY ends when the stream is closed. */
    void finish() throws IOException {
        row.putShort((short) -1);
        flushRow();
    }

    private void uuid(UUID id) {
        row.putInt(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private void text(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        row.putInt(bytes.length).put(bytes);
    }

    private void vector(float[] values) {
        row.putInt(2 * Short.BYTES + values.length * Float.BYTES).putShort((short) values.length).putShort((short) 0);
        row.asFloatBuffer().put(values);
        row.position(row.position() + values.length * Float.BYTES);
    }

    private void flushRow() throws IOException {
        out.write(row.array(), 0, row.position());
        row.clear();
    }
}
