/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.CpuUse;
import io.vecsync.bench.common.SinkStats;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PgRunTest {

    @Test
    void withoutASteadyRateRowsPerSecondStandsIn() {
        PgRun oneBatch = new PgRun(
                "k",
                "l",
                400,
                new Cost(new CpuUse(0.5, 0.4, Map.of()), 0.1, 0, 0.6),
                Optional.of(new SinkStats(0.3, 400, 0.5, 0.1, 1, -1)));
        assertEquals(oneBatch.rowsPerSecond(), oneBatch.steadyRowsPerSecond(), "rows/s stands in");
    }
}
