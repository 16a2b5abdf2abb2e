/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds the whole machine has been busy, from /proc/stat: with this JVM's and PostgreSQL's share taken out, what
 * other processes took from a run. NaN where /proc/stat does not exist.
 */
final class MachineCpu {

    private MachineCpu() {}

    static double busySeconds() {
        String line;
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            line = lines.findFirst().orElse("");
        } catch (IOException e) {
            return Double.NaN;
        }
        // "cpu user nice system idle iowait irq softirq steal ...": all but idle and iowait is busy; guest time is in
        // user.
        String[] ticks = line.trim().split("\\s+");
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(ticks[field]);
        }
        return busy / ProcStat.TICKS_PER_SECOND;
    }
}
