/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.SegmentRow;
import io.vecsync.pgvector.PgVectorTableLayout;
import io.vecsync.pgvector.PgVectorTableLayout.Column;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * (b) The raw floor: the rows in binary COPY into a bare table (no vector index), in one transaction or in the sink's
 * batches; no conflict handling.
 */
final class RawCopy {

    /** Into the platform docs' five-column table, as the issue names (b). */
    static final RawCopy DOCS_TABLE = new RawCopy(
            "copy-raw", true, "(b) raw COPY BINARY, one COPY, no ON CONFLICT, no vector index", Integer.MAX_VALUE);
    /** The same rows into the sink's table (the docs' columns and the four it adds), so PostgreSQL stores what the sink stores. */
    static final RawCopy SINK_TABLE =
            new RawCopy("copy-raw-sink", false, "(b) same, into the sink's 9-column table", Integer.MAX_VALUE);
    /**
     * The sink's table in the sink's transactions: one COPY and commit per batch, from one session. What the sink's
     * write pattern costs PostgreSQL alone, without a worker converting records beside it.
     */
    static final RawCopy SINK_TABLE_BATCHES = new RawCopy(
            "copy-raw-sink-batches",
            false,
            String.format(
                    Locale.ROOT,
                    "(b) same, a COPY and commit per %,d rows (the sink's batches)",
                    SinkVariant.SINK_BATCH_SIZE),
            SinkVariant.SINK_BATCH_SIZE);

    private final String key;
    /** The docs' five columns only, else the sink's table. */
    private final boolean docsTable;

    private final String label;
    private final int rowsPerTransaction;

    private RawCopy(String key, boolean docsTable, String label, int rowsPerTransaction) {
        this.key = key;
        this.docsTable = docsTable;
        this.label = label;
        this.rowsPerTransaction = rowsPerTransaction;
    }

    String key() {
        return key;
    }

    /** Copies the rows into the table's columns with one binary COPY, in the session's transaction. */
    static void copy(Connection session, PgVectorTableLayout table, List<Column> columns, List<SegmentRow> rows)
            throws SQLException, IOException {
        String columnList = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        CopyIn copy = session.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY " + table.qualifiedTable() + " (" + columnList + ") FROM STDIN (FORMAT binary)");
        try (PGCopyOutputStream out = new PGCopyOutputStream(copy, 1 << 20)) {
            CopyBinaryRows writer = new CopyBinaryRows(out, columns);
            for (SegmentRow row : rows) {
                writer.write(row);
            }
            writer.finish();
        }
    }

    PgRun run(PgDatabase db, List<SegmentRow> rows) throws SQLException, IOException {
        PgVectorTableLayout table = db.layout("bench_" + key.replace('-', '_'));
        db.drop(table.table());
        db.execute(docsTable ? table.createDocsTableSql() : table.createTableSql());
        List<Column> columns = docsTable ? table.docsColumns() : table.columns();
        try (Connection session = db.openSession()) {
            session.setAutoCommit(false);
            Cost.Meter meter = Cost.start(db);
            for (int from = 0; from < rows.size(); from += rowsPerTransaction) {
                copy(
                        session,
                        table,
                        columns,
                        rows.subList(from, from + Math.min(rowsPerTransaction, rows.size() - from)));
                session.commit();
            }
            Cost cost = meter.stop();
            db.verify(table.table(), rows);
            return new PgRun(key, label, rows.size(), cost, Optional.empty());
        } finally {
            db.drop(table.table());
        }
    }
}
