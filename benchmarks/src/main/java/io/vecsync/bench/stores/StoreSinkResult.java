/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

/**
 * One store's two measured writes.
 *
 * @param served     where the sink wrote
 * @param baseline   what (b) was
 * @param realServer whether the store was a real server: the ratio is judged against the target only then
 * @param sink       (a) its sink through Connect, all N segments
 * @param direct     (b) the first M segments
 */
record StoreSinkResult(
        String store, String served, String baseline, boolean realServer, StoreSinkRun sink, StoreSinkRun direct) {

    /** (a)/(b) of rates from each one's start: the sink's include its connector's start-up. */
    double ratio() {
        return sink.pointsPerSecond() / direct.pointsPerSecond();
    }
}
