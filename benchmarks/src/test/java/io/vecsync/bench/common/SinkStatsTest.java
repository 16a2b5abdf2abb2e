/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SinkStatsTest {

    @Test
    void theSteadyRateLeavesOutTheFirstBatchAndTheTimeBeforeIt() {
        // 1,000 rows seen 0.2 s after the connector's creation, 10,000 in all after 2.2 s: 9,000 rows in 2 s.
        SinkStats stats = new SinkStats(0.2, 1_000, 2.2, 1.9, 10, -1);
        assertEquals(4_500, stats.steadyRowsPerSecond(10_000, 2.2), 1e-9);
        // In initial-load mode the run goes on past the load, for the index build: its time counts too.
        assertEquals(900, stats.steadyRowsPerSecond(10_000, 10.2), 1e-9);
    }

    @Test
    void aRunNoPollSawShortOfEveryRowCameInOneBatch() {
        SinkTaskMetrics.WriteTotals writes = new SinkTaskMetrics.WriteTotals(0.2, 1);
        SinkStats oneBatch = SinkStats.observed(-1, 0, 400, 0.5, writes, -1);
        assertEquals(0.5, oneBatch.firstRowSeconds());
        assertEquals(400, oneBatch.rowsAtFirstRow());
        assertTrue(Double.isNaN(oneBatch.steadyRowsPerSecond(400, 0.5)));
        SinkStats seen = SinkStats.observed(0.1, 100, 400, 0.5, writes, -1);
        assertEquals(0.1, seen.firstRowSeconds());
        assertEquals(100, seen.rowsAtFirstRow());
        assertEquals(300 / 0.4, seen.steadyRowsPerSecond(400, 0.5), 1e-9);
        assertEquals(0.2, seen.writeSeconds());
        assertEquals(1, seen.writes());
    }

    @Test
    void thereIsNoSteadyRateUnlessMostRowsCameAfterTheFirstBatch() {
        assertTrue(Double.isNaN(new SinkStats(0.3, 400, 0.3, 0.1, 1, -1).steadyRowsPerSecond(400, 0.3)));
        assertTrue(
                Double.isNaN(new SinkStats(1.0, 199, 1.001, 1.0, 2, -1).steadyRowsPerSecond(200, 1.001)),
                "one row after 199");
        assertEquals(101 / 0.5, new SinkStats(1.0, 99, 1.5, 1.4, 2, -1).steadyRowsPerSecond(200, 1.5), 1e-9);
    }
}
