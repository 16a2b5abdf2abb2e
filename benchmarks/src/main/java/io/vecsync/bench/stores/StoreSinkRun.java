/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.SinkStats;
import io.vecsync.bench.pgvector.PgRun;
import java.util.Optional;

/**
 * What one measured write into a store did.
 *
 * @param points written; the target held exactly these afterwards
 * @param cost   wall time and CPU: the fakes serve from this JVM, so its CPU is the client's, the fake's and (through
 *               Connect) the broker's and the worker's; a real server's is counted apart
 * @param sink   what the sink did, for the runs through Connect
 */
record StoreSinkRun(int points, Cost cost, Optional<SinkStats> sink) {

    /** A run of the pgvector benchmark's kind. */
    static StoreSinkRun of(PgRun run) {
        return new StoreSinkRun(run.rows(), run.cost(), run.sink());
    }

    double pointsPerSecond() {
        return points / cost.seconds();
    }

    /** CPU microseconds per point: of this JVM, or of {@link Cost#outside()}. */
    double microsPerPoint(double cpuSeconds) {
        return cpuSeconds * 1e6 / points;
    }
}
