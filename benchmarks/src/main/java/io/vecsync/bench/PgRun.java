package io.vecsync.bench;

import java.util.List;
import java.util.Optional;

/**
 * What one variant measured.
 *
 * @param key   how the report finds it
 * @param label how the report names it
 * @param rows  rows written; the table held exactly these afterwards
 * @param cost  from the first write until the table held every row (and, in initial-load mode, a valid HNSW index)
 * @param sink  what the sink did, for the variants run through Connect
 * @param roundRates rows/s of every round, when this is the median of several; else empty
 */
record PgRun(String key, String label, int rows, Cost cost, Optional<SinkStats> sink, List<Double> roundRates) {

    PgRun(String key, String label, int rows, Cost cost, Optional<SinkStats> sink) {
        this(key, label, rows, cost, sink, List.of());
    }

    double rowsPerSecond() {
        return rows / cost.seconds();
    }

    /** CPU microseconds per row. */
    double microsPerRow(double cpuSeconds) {
        return cpuSeconds * 1e6 / rows;
    }
}
