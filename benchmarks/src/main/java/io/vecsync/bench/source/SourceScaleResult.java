/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

/**
 * One catalogue size's figures: initial sync, offsets topic, quiet polls with two and eight tasks, the slowest poll
 * across a full reconciliation, memory and restart.
 *
 * @param stateBytes    the tasks' own per-video state, from their state-bytes gauges
 * @param heapMegabytes the whole JVM's heap after a GC, over the simulator's alone: worker, broker and clients too
 */
record SourceScaleResult(
        int videos,
        long segments,
        double syncSegmentsPerSecond,
        OffsetsTopicUse offsets,
        double listingsPerIdlePoll,
        double listingsPerIdlePollScaledOut,
        long fullWalkRequests,
        double idleCpuMillis,
        double slowestPollMillis,
        long stateBytes,
        double heapMegabytes,
        long restartEmbeddingsCalls,
        double restartSeconds) {

    double idleToFullWalk() {
        return listingsPerIdlePoll / fullWalkRequests;
    }
}
