/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU seconds a store's server process on this machine has used, from /proc: its own, its live descendants' (a
 * PostgreSQL server's backends) and its ended children's (closed sessions' backends, parallel index-build workers)
 * through its cutime/cstime. NaN for a server that is not a process here.
 */
public final class ServerProcessCpu implements Cost.Server {

    private final OptionalLong pid;

    private ServerProcessCpu(OptionalLong pid) {
        this.pid = pid;
    }

    /** The process; NaN readings when there is none here. */
    public static ServerProcessCpu of(OptionalLong pid) {
        return new ServerProcessCpu(pid);
    }

    /**
     * The process of this machine listening on the TCP port: NaN readings when none is seen (a server elsewhere, or one
     * of another user), none when it is this JVM's child.
     */
    public static Cost.Server listeningOn(int port) {
        OptionalLong pid = listener(port);
        if (pid.isPresent()
                && ProcessHandle.current().descendants().anyMatch(child -> child.pid() == pid.getAsLong())) {
            // Counted with this JVM's other children (see ChildProcessesCpu), not twice.
            return Cost.NO_SERVER;
        }
        return new ServerProcessCpu(pid);
    }

    @Override
    public double cpuSeconds() {
        if (pid.isEmpty()) {
            return Double.NaN;
        }
        ProcStat server = ProcStat.of(pid.getAsLong())
                .orElseThrow(() -> new IllegalStateException("the server (pid " + pid.getAsLong() + ") is gone"));
        long ticks = server.ticks() + server.endedChildrenTicks() + ProcStat.descendantsTicks(pid.getAsLong());
        return ticks / ProcStat.TICKS_PER_SECOND;
    }

    /** The process holding the port's listening socket, from /proc/net/tcp{,6} and the processes' open files. */
    private static OptionalLong listener(int port) {
        Set<String> sockets = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            try (Stream<String> lines = Files.lines(ProcStat.PROC.resolve("net").resolve(table))) {
                // "sl local_address rem_address st ... inode": address as HEXIP:HEXPORT, state 0A is LISTEN.
                lines.skip(1)
                        .map(line -> line.trim().split("\\s+"))
                        .filter(fields -> fields[3].equals("0A")
                                && Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1), 16) == port)
                        .forEach(fields -> sockets.add("socket:[" + fields[9] + "]"));
            } catch (IOException noProc) {
                return OptionalLong.empty();
            }
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(ProcStat.PROC, "[0-9]*")) {
            for (Path process : processes) {
                if (holdsAny(process, sockets)) {
                    return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + ProcStat.PROC, e);
        }
        return OptionalLong.empty();
    }

    private static boolean holdsAny(Path process, Set<String> sockets) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path file : files) {
                try {
                    if (sockets.contains(Files.readSymbolicLink(file).toString())) {
                        return true;
                    }
                } catch (IOException closed) {
                    // Closed since the listing.
                }
            }
        } catch (IOException notOurs) {
            // Another user's process, or one that has ended.
        }
        return false;
    }
}
