/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultProxyTest {

    private static ServerSocket echo;

    @BeforeAll
    static void startEcho() throws IOException {
        FaultProxy.assumeAvailable("fault proxy");
        echo = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    Thread pump = new Thread(() -> {
                        try (socket) {
                            socket.getInputStream().transferTo(socket.getOutputStream());
                        } catch (IOException ignored) {
                            // The peer went away.
                        }
                    });
                    pump.setDaemon(true);
                    pump.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stopEcho() throws IOException {
        if (echo != null) {
            echo.close();
        }
    }

    @Test
    void aBlackholeKeepsTheConnectionOpenAndPassesNothingUntilHealed() throws IOException {
        try (FaultProxy proxy = FaultProxy.start("echo-blackhole", "127.0.0.1", echo.getLocalPort());
                Socket socket = new Socket(proxy.host(), proxy.port())) {
            socket.setSoTimeout(1_000);
            assertEquals('a', roundTrip(socket, 'a'));
            proxy.blackhole();
            assertThrows(SocketTimeoutException.class, () -> roundTrip(socket, 'b'), "nothing passes, nothing closes");
            proxy.heal();
            try (Socket fresh = new Socket(proxy.host(), proxy.port())) {
                fresh.setSoTimeout(1_000);
                assertEquals('c', roundTrip(fresh, 'c'));
            }
        }
    }

    @Test
    void cutConnectionsClosesOpenOnesAndRefusesNewOnesUntilHealed() throws IOException {
        try (FaultProxy proxy = FaultProxy.start("echo-cut", "127.0.0.1", echo.getLocalPort());
                Socket socket = new Socket(proxy.host(), proxy.port())) {
            socket.setSoTimeout(1_000);
            assertEquals('a', roundTrip(socket, 'a'));
            proxy.cutConnections();
            assertEquals(-1, socket.getInputStream().read(), "the open connection is closed");
            assertThrows(IOException.class, () -> new Socket(proxy.host(), proxy.port()).close());
            proxy.heal();
            try (Socket fresh = new Socket(proxy.host(), proxy.port())) {
                fresh.setSoTimeout(1_000);
                assertEquals('b', roundTrip(fresh, 'b'));
            }
        }
    }

    @Test
    void latencyDelaysEveryByteEachWayOnAnOpenConnectionUntilHealed() throws IOException {
        try (FaultProxy proxy = FaultProxy.start("echo-latency", "127.0.0.1", echo.getLocalPort());
                Socket socket = new Socket(proxy.host(), proxy.port())) {
            socket.setSoTimeout(5_000);
            assertEquals('a', roundTrip(socket, 'a'));
            proxy.latency(Duration.ofMillis(400));
            long start = System.nanoTime();
            assertEquals('b', roundTrip(socket, 'b'), "late, not lost");
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs >= 800, "a round trip took " + tookMs + " ms, not 400 ms each way");
            proxy.heal();
            start = System.nanoTime();
            assertEquals('c', roundTrip(socket, 'c'));
            assertTrue((System.nanoTime() - start) / 1_000_000 < 400, "healed");
        }
    }

    @Test
    void aResetClosesOpenConnectionsAtTheirNextBytesAndNewOnesPassOnceHealed() throws IOException {
        try (FaultProxy proxy = FaultProxy.start("echo-reset", "127.0.0.1", echo.getLocalPort());
                Socket socket = new Socket(proxy.host(), proxy.port())) {
            socket.setSoTimeout(1_000);
            assertEquals('a', roundTrip(socket, 'a'));
            proxy.resetEveryConnection();
            assertClosed(socket);
            try (Socket fresh = new Socket(proxy.host(), proxy.port())) {
                fresh.setSoTimeout(1_000);
                assertClosed(fresh);
            }
            proxy.heal();
            try (Socket fresh = new Socket(proxy.host(), proxy.port())) {
                fresh.setSoTimeout(1_000);
                assertEquals('c', roundTrip(fresh, 'c'));
            }
        }
    }

    @Test
    void aSlowCloseSwallowsWhatIsSentAndClosesTheConnectionOnlyAfterTheDelay() throws IOException {
        try (FaultProxy proxy = FaultProxy.start("echo-slow-close", "127.0.0.1", echo.getLocalPort());
                Socket socket = new Socket(proxy.host(), proxy.port())) {
            socket.setSoTimeout(5_000);
            assertEquals('a', roundTrip(socket, 'a'));
            proxy.slowClose(Duration.ofMillis(1_500));
            long start = System.nanoTime();
            assertEquals(-1, roundTrip(socket, 'b'), "no answer, then the close");
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs >= 1_400, "the close came after " + tookMs + " ms, not 1500");
            proxy.heal();
            try (Socket fresh = new Socket(proxy.host(), proxy.port())) {
                fresh.setSoTimeout(1_000);
                assertEquals('c', roundTrip(fresh, 'c'));
            }
        }
    }

    /** The connection ends (a reset or a close) within a second of a byte sent on it, and no echo comes back. */
    private static void assertClosed(Socket socket) {
        try {
            assertEquals(-1, roundTrip(socket, 'x'), "the connection is closed");
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the connection stayed open", stillOpen);
        } catch (IOException reset) {
            // Connection reset: what the fault is for.
        }
    }

    private static int roundTrip(Socket socket, char c) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(c);
        out.flush();
        InputStream in = socket.getInputStream();
        return in.read();
    }
}
