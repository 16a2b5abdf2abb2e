package io.vecsync.pgvector;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the rows of a batch the table refuses (a data error, SQLSTATE class 22 or 23), writing the others in the
 * open transaction: each part goes in under a savepoint, and a part that fails is rolled back to it and halved, down to
 * the single rows at fault. One bad row in n costs about 2 log2(n) statements more than the batch.
 */
final class RefusedRows {

    /** Writes some of a batch's items in the open transaction. */
    @FunctionalInterface
    interface PartWriter<T> {
        void write(Connection db, List<T> items) throws SQLException;
    }

    private RefusedRows() {
    }

    /**
     * Writes every item the table takes; puts the server's reason for each one it refuses, by id, into {@code refused}.
     *
     * @throws SQLException a failure that is not about a row's data: the transaction must be given up
     */
    static <T> void isolate(Connection db, List<T> items, Function<T, String> id, PartWriter<T> writer,
                            Map<String, String> refused) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        Savepoint savepoint = db.setSavepoint();
        try {
            writer.write(db, items);
            db.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            if (!PgErrors.isDataError(e)) {
                throw e;
            }
            db.rollback(savepoint);
            if (items.size() == 1) {
                refused.put(id.apply(items.get(0)), PgErrors.reason(e));
                return;
            }
            int half = items.size() / 2;
            isolate(db, items.subList(0, half), id, writer, refused);
            isolate(db, items.subList(half, items.size()), id, writer, refused);
        }
    }
}
