package io.vecsync.bench;

/**
 * What the sink connector did in a run, from the benchmark's polls of the table and the tasks' JMX metrics.
 *
 * @param firstRowSeconds from creating the connector until the table had a row: task start, table creation, consumer
 *                        group join and first fetch
 * @param loadSeconds     from creating the connector until the table held every row; in initial-load mode the index
 *                        build is the rest of the run
 * @param writeSeconds    time the tasks spent writing to PostgreSQL (JDBC batch and commit), summed over tasks
 * @param writes          bulk writes: rows / writes is the mean batch
 * @param indexSeenAtRows rows in the table when a deferred HNSW index first showed up (building or built); -1 when the
 *                        index is not deferred
 */
record SinkStats(double firstRowSeconds, double loadSeconds, double writeSeconds, long writes, long indexSeenAtRows) {
}
