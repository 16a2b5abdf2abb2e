/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import io.vecsync.bench.common.CpuUse;
import io.vecsync.bench.common.ProducerStats;

/**
 * What one connector run measured.
 *
 * @param seconds            from creating the connector until the topic held every live segment
 * @param firstRecordSeconds from creating the connector until the topic's first record (or the end, when all arrived between two looks)
 * @param records            the topic's end offsets summed when the run ended
 * @param embeddingsCalls    embeddings requests the simulator answered during the run
 */
record RunResult(
        Variant variant,
        int segments,
        double seconds,
        double firstRecordSeconds,
        long records,
        RecordSize size,
        int embeddingsCalls,
        CpuUse cpu,
        ProducerStats producer) {

    double segmentsPerSecond() {
        return segments / seconds;
    }

    /** CPU microseconds per segment. */
    double microsPerSegment(double cpuSeconds) {
        return cpuSeconds * 1e6 / segments;
    }
}
