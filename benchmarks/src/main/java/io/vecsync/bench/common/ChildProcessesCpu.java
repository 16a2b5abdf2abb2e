/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

/**
 * CPU seconds of this JVM's child processes, from /proc: the docs' Python loops and the store servers a test started
 * (Weaviate, Chroma), those that have ended too, through the JVM's cutime/cstime (its process reaper waits for them).
 * 0 where /proc does not exist.
 */
final class ChildProcessesCpu {

    private ChildProcessesCpu() {}

    static double seconds() {
        long jvm = ProcessHandle.current().pid();
        long ticks = ProcStat.of(jvm).map(ProcStat::endedChildrenTicks).orElse(0L) + ProcStat.descendantsTicks(jvm);
        return ticks / ProcStat.TICKS_PER_SECOND;
    }
}
