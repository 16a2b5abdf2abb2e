/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A peer that stops reading, as a half-open connection does once buffers fill: the write fails instead of blocking. */
class DeadlineSocketFactoryTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aWriteThePeerDoesNotTakeFailsInsteadOfBlocking() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket socket = new DeadlineSocketFactory("500")
                        .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket neverRead = server.accept()) {
            assertTrue(socket.getKeepAlive(), "silent connections are probed");
            if (socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
                assertEquals(30, socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE), "after 30 s of silence");
            }
            OutputStream out = socket.getOutputStream();
            byte[] chunk = new byte[64 * 1024];
            // Far more than the two sockets' buffers hold.
            assertThrows(IOException.class, () -> {
                for (int i = 0; i < 16 * 1024; i++) {
                    out.write(chunk);
                }
            });
            assertTrue(socket.isClosed(), "the deadline closed the socket");
        }
    }
}
