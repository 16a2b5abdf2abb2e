/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.SinkStats;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one variant measured.
 *
 * @param key   how the report finds it
 * @param label how the report names it
 * @param rows  rows written; the table held exactly these afterwards
 * @param cost  from the first write until the table held every row (and, in initial-load mode, a valid HNSW index)
 * @param sink  what the sink did, for the variants run through Connect
 * @param roundRates {@link #steadyRowsPerSecond()} of every round, when this is the median of several; else empty
 */
public record PgRun(String key, String label, int rows, Cost cost, Optional<SinkStats> sink, List<Double> roundRates) {

    PgRun(String key, String label, int rows, Cost cost, Optional<SinkStats> sink) {
        this(key, label, rows, cost, sink, List.of());
    }

    /** From the start of the timing: for the Connect variants, from creating or resuming the connector. */
    double rowsPerSecond() {
        return rows / cost.seconds();
    }

    /**
     * Rows/s once rows flow, which is what the ratios compare: (a), (b) and (d) time their rows alone, after their
     * session and table exist; the Connect variants from their first batch written, so that the worker's start-up
     * (connector and task start, table check, consumer group join, first fetch), or a running connector's resume and
     * first fetch, is reported beside the rate, not in it.
     * A Connect variant whose rows came mostly in its first batch has no such rate: rows/s stands in.
     */
    double steadyRowsPerSecond() {
        double steady = sink.map(stats -> stats.steadyRowsPerSecond(rows, cost.seconds()))
                .orElse(Double.NaN);
        return Double.isNaN(steady) ? rowsPerSecond() : steady;
    }

    /** Prints the run's rows and seconds as they come: the report follows once every variant has run. */
    PgRun logged() {
        System.err.printf(Locale.ROOT, "%s: %,d rows in %.1f s%n", label, rows, cost.seconds());
        return this;
    }

    /** CPU microseconds per row. */
    double microsPerRow(double cpuSeconds) {
        return cpuSeconds * 1e6 / rows;
    }
}
