/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaultProxyTest {

    private static ServerSocket echo;

    @BeforeAll
    static void startEcho() throws IOException {
        assumeTrue(FaultProxy.available(), "Toxiproxy's server is not built here (bin/toxiproxy-provision needs Go)");
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

    private static int roundTrip(Socket socket, char c) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(c);
        out.flush();
        InputStream in = socket.getInputStream();
        return in.read();
    }
}
