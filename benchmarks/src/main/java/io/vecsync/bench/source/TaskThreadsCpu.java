/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/** CPU time of a source connector's threads: the worker's task threads and the tasks' own vecsync-* pools. */
final class TaskThreadsCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> nanos;

    private TaskThreadsCpu(Map<Long, Long> nanos) {
        this.nanos = nanos;
    }

    static TaskThreadsCpu read(String connector) {
        Map<Long, Long> nanos = new HashMap<>();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null
                    && (thread.getThreadName().startsWith("task-thread-" + connector)
                            || thread.getThreadName().startsWith("vecsync-"))) {
                long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
                if (cpu >= 0) { // -1: the thread ended meanwhile
                    nanos.put(thread.getThreadId(), cpu);
                }
            }
        }
        return new TaskThreadsCpu(nanos);
    }

    /** Milliseconds of CPU from {@code earlier} to this reading; threads started in between count from zero. */
    double millisSince(TaskThreadsCpu earlier) {
        return nanos.entrySet().stream()
                        .mapToLong(e -> e.getValue() - earlier.nanos.getOrDefault(e.getKey(), 0L))
                        .sum()
                / 1e6;
    }
}
