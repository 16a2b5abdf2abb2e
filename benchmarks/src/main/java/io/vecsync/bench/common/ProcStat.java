/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of /proc/PID/stat the benchmarks read, in Linux's USER_HZ ticks.
 *
 * @param ticks              the process's own user and system time
 * @param endedChildrenTicks the time of its children that have ended and been waited for (cutime + cstime)
 */
public record ProcStat(String command, long parent, long ticks, long endedChildrenTicks) {

    /** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every common architecture. */
    public static final double TICKS_PER_SECOND = 100;

    public static final Path PROC = Path.of("/proc");

    /** Empty when the process has ended meanwhile, or where /proc does not exist. */
    private static Optional<ProcStat> of(Path process) {
        String text;
        try {
            text = Files.readString(process.resolve("stat"));
        } catch (IOException gone) {
            return Optional.empty();
        }
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so fields are counted after the last ')'.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        String command = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'));
        return Optional.of(new ProcStat(
                command,
                Long.parseLong(fields[1]),
                Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                Long.parseLong(fields[13]) + Long.parseLong(fields[14])));
    }

    public static Optional<ProcStat> of(long pid) {
        return of(PROC.resolve(Long.toString(pid)));
    }

    /** The ticks of the process's live descendants, each with its own ended children's. */
    public static long descendantsTicks(long pid) {
        return ProcessHandle.of(pid).stream()
                .flatMap(ProcessHandle::descendants)
                .mapToLong(descendant -> of(descendant.pid())
                        .map(stat -> stat.ticks() + stat.endedChildrenTicks())
                        .orElse(0L))
                .sum();
    }
}
