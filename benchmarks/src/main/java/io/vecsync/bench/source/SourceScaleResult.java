/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

/** One catalogue size's figures: initial sync, offsets topic, idle polls, memory and restart. */
record SourceScaleResult(
        int videos,
        long segments,
        double syncSegmentsPerSecond,
        OffsetsTopicUse offsets,
        double listingsPerIdlePoll,
        long fullWalkRequests,
        double idleCpuMillis,
        double heapMegabytes,
        long restartEmbeddingsCalls,
        double restartSeconds) {

    double idleToFullWalk() {
        return listingsPerIdlePoll / fullWalkRequests;
    }
}
