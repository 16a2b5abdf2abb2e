/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerProcessCpuTest {

    @Test
    void readsTheCpuOfTheProcessListeningOnThePort() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/net")), "no /proc here");
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // This JVM listens: its own CPU, at least what the JVM has used on this thread, is the "server's".
            double threadSeconds = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
            double seconds =
                    ServerProcessCpu.listeningOn(listening.getLocalPort()).cpuSeconds();
            assertTrue(seconds >= threadSeconds - 0.01, seconds + " s of CPU, below this thread's " + threadSeconds);
        }
    }

    @Test
    void aPortNothingListensOnHasNoServerHere() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/net")), "no /proc here");
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        assertTrue(Double.isNaN(ServerProcessCpu.listeningOn(port).cpuSeconds()));
    }
}
