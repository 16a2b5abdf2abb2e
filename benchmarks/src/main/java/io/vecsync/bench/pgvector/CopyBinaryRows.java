/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import io.vecsync.bench.common.SegmentRow;
import io.vecsync.bench.common.SegmentRows;
import io.vecsync.pgvector.BinaryCopyBuffer;
import io.vecsync.pgvector.PgVectorTableLayout;
import io.vecsync.pgvector.PgVectorTableLayout.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.BiConsumer;

/** Writes segment rows to a COPY of the sink table's columns, or of some of them, in PostgreSQL's binary format. */
final class CopyBinaryRows {

    private final OutputStream out;
    private final BinaryCopyBuffer rows = new BinaryCopyBuffer(SegmentRows.DIMENSION * Float.BYTES + 1024);
    /** One per column, in the COPY's order: each writes its column's value of a row. */
    private final List<BiConsumer<BinaryCopyBuffer, SegmentRow>> values;

    CopyBinaryRows(OutputStream out, List<Column> columns) throws IOException {
        this.out = out;
        this.values = columns.stream().map(column -> value(column.name())).toList();
        send();
    }

    /** How a row fills the column: the segment's fields, its jsonb payload empty, as the sink writes it here. */
    private static BiConsumer<BinaryCopyBuffer, SegmentRow> value(String column) {
        return switch (column) {
            case PgVectorTableLayout.SEGMENT_ID -> (buffer, row) -> buffer.uuid(row.id());
            case PgVectorTableLayout.VIDEO_ID -> (buffer, row) -> buffer.uuid(row.videoId());
            case PgVectorTableLayout.START -> (buffer, row) -> buffer.text(row.start());
            case PgVectorTableLayout.END -> (buffer, row) -> buffer.text(row.end());
            case PgVectorTableLayout.EMBEDDING -> (buffer, row) -> buffer.vector(row.embedding());
            case PgVectorTableLayout.START_SECONDS -> (buffer, row) -> buffer.float8(row.startSeconds());
            case PgVectorTableLayout.END_SECONDS -> (buffer, row) -> buffer.float8(row.endSeconds());
            case PgVectorTableLayout.EMBEDDING_OPTION -> (buffer, row) -> buffer.text(SegmentRows.EMBEDDING_OPTION);
            case PgVectorTableLayout.PAYLOAD -> (buffer, row) -> buffer.jsonb("{}");
            default -> throw new IllegalArgumentException("no value for the sink table's column " + column);
        };
    }

    void write(SegmentRow segment) throws IOException {
        rows.row(values.size());
        for (BiConsumer<BinaryCopyBuffer, SegmentRow> value : values) {
            value.accept(rows, segment);
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
