/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.query;

import java.util.Arrays;

/**
 * The latencies of one run of requests, as the callers saw them.
 *
 * @param nanos       one per request, sorted
 * @param wallSeconds from the first request sent to the last answer received
 */
record QueryLatencies(long[] nanos, double wallSeconds) {

    static QueryLatencies of(long[] nanos, double wallSeconds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new QueryLatencies(sorted, wallSeconds);
    }

    int count() {
        return nanos.length;
    }

    /** The nearest-rank percentile, in milliseconds. */
    double percentileMillis(double percentile) {
        int rank = (int) Math.ceil(percentile / 100 * nanos.length);
        return nanos[Math.max(0, rank - 1)] / 1e6;
    }

    double p50() {
        return percentileMillis(50);
    }

    double p99() {
        return percentileMillis(99);
    }

    double queriesPerSecond() {
        return nanos.length / wallSeconds;
    }
}
