/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import java.util.Comparator;
import java.util.List;

/** Every round's result of one variant. */
record Rounds(Variant variant, List<RunResult> results) {

    /** The round of median throughput; the slower middle one for an even count. */
    RunResult median() {
        return byThroughput().get((results.size() - 1) / 2);
    }

    RunResult slowest() {
        return byThroughput().get(0);
    }

    RunResult fastest() {
        return byThroughput().get(results.size() - 1);
    }

    private List<RunResult> byThroughput() {
        return results.stream()
                .sorted(Comparator.comparingDouble(RunResult::segmentsPerSecond))
                .toList();
    }
}
