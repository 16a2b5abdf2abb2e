/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** The JVM's CPU time, in total and per thread, at one moment; two readings tell where a run's CPU went. */
public final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final long wallNanos;
    private final long processNanos;
    private final Map<Long, Long> threadNanos;
    private final Map<Long, String> threadNames;

    private CpuClock(long wallNanos, long processNanos, Map<Long, Long> threadNanos, Map<Long, String> threadNames) {
        this.wallNanos = wallNanos;
        this.processNanos = processNanos;
        this.threadNanos = threadNanos;
        this.threadNames = threadNames;
    }

    public static CpuClock read() {
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            long cpu = thread == null ? -1 : THREADS.getThreadCpuTime(thread.getThreadId());
            if (cpu >= 0) { // -1: the thread ended meanwhile
                nanos.put(thread.getThreadId(), cpu);
                names.put(thread.getThreadId(), thread.getThreadName());
            }
        }
        return new CpuClock(System.nanoTime(), OS.getProcessCpuTime(), nanos, names);
    }

    /** The CPU used from {@code earlier} to this reading; threads started in between count from zero. */
    public CpuUse since(CpuClock earlier) {
        Map<Activity, Double> seconds = new EnumMap<>(Activity.class);
        threadNanos.forEach((id, nanos) -> Activity.of(threadNames.get(id))
                .ifPresent(activity -> seconds.merge(
                        activity, (nanos - earlier.threadNanos.getOrDefault(id, 0L)) / 1e9, Double::sum)));
        return new CpuUse((wallNanos - earlier.wallNanos) / 1e9, (processNanos - earlier.processNanos) / 1e9, seconds);
    }
}
