/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.e2e;

import io.vecsync.bench.common.ProducerStats;

/**
 * One variant's run.
 *
 * @param seconds  from creating the connectors until the table held every segment
 * @param logBytes the segment topic's partition logs on the broker, summed, once the source had stopped writing
 * @param records  records on the topic: the segments and the source's offset-carrying tombstones
 */
record E2eResult(
        E2eVariant variant, int segments, double seconds, long logBytes, long records, ProducerStats producer) {

    double segmentsPerSecond() {
        return segments / seconds;
    }

    double bytesPerSegment() {
        return (double) logBytes / segments;
    }
}
