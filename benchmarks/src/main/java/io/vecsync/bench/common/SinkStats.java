/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

/**
 * What the sink connector did in a run, from the benchmark's polls of the table and the tasks' JMX metrics.
 *
 * @param firstRowSeconds from creating (or resuming) the connector until the table had a row: task start, table
 *                        creation, consumer group join and first fetch (or the resume and the first fetch)
 * @param rowsAtFirstRow  rows written when the first were seen: the first batch
 * @param loadSeconds     from creating (or resuming) the connector until the table held every row; in initial-load mode the index
 *                        build is the rest of the run
 * @param writeSeconds    time the tasks spent in the store's writes (for PostgreSQL: COPY or upserts, and commit), summed over tasks
 * @param writes          bulk writes: rows / writes is the mean batch
 * @param indexSeenAtRows rows in the table when a deferred HNSW index first showed up (building or built); -1 when the
 *                        index is not deferred
 */
public record SinkStats(
        double firstRowSeconds,
        long rowsAtFirstRow,
        double loadSeconds,
        double writeSeconds,
        long writes,
        long indexSeenAtRows) {

    /**
     * From what a poll of the rows written saw: {@code firstRowSeconds} negative when no poll saw fewer than every row,
     * which then all came in the first batch.
     */
    public static SinkStats observed(
            double firstRowSeconds,
            long rowsAtFirstRow,
            int rows,
            double loadSeconds,
            SinkTaskMetrics.WriteTotals writes,
            long indexSeenAtRows) {
        boolean oneBatch = firstRowSeconds < 0;
        return new SinkStats(
                oneBatch ? loadSeconds : firstRowSeconds,
                oneBatch ? rows : rowsAtFirstRow,
                loadSeconds,
                writes.writeSeconds(),
                writes.writes(),
                indexSeenAtRows);
    }

    /**
     * Rows/s after the first batch, of {@code rows} in {@code seconds} from the connector's creation or resume: what (a) and (b)
     * measure, which time their rows alone. NaN unless most rows came after the first batch: over the few rows of one
     * more batch or two, the rate would time a commit or two, not a flow (200 rows gave "70,000 rows/s" here).
     */
    public double steadyRowsPerSecond(int rows, double seconds) {
        long after = rows - rowsAtFirstRow;
        return after > rows / 2 && seconds > firstRowSeconds ? after / (seconds - firstRowSeconds) : Double.NaN;
    }
}
