/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import java.util.Map;

/**
 * CPU seconds spent over a stretch of wall-clock time.
 *
 * @param process    the whole JVM: the broker, the worker, the simulator, GC and JIT included
 * @param byActivity the threads whose activity is known; the rest of the process is {@link #other()}
 */
public record CpuUse(double wall, double process, Map<Activity, Double> byActivity) {

    public double of(Activity activity) {
        return byActivity.getOrDefault(activity, 0.0);
    }

    public double other() {
        return process
                - byActivity.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
