/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import jdk.net.ExtendedSocketOptions;

/**
 * The driver's sockets, with what its socket timeout (reads only) does not cover: a write the server does not take
 * within the deadline (a half-open connection once the send buffer is full) closes the socket instead of blocking for
 * the kernel's quarter of an hour, and TCP keepalive probes a silent connection after 30 s, so that a server gone from
 * the network is found within about a minute even under a long index build. The driver creates it by name, with the
 * deadline in milliseconds as its argument.
 */
public final class DeadlineSocketFactory extends SocketFactory {

    private static final int KEEPALIVE_IDLE_SECONDS = 30;
    private static final int KEEPALIVE_INTERVAL_SECONDS = 10;
    private static final int KEEPALIVE_PROBES = 3;
    /** One thread for every connection's deadlines: closing a socket is all it does. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final long writeDeadlineMs;

    /** @param writeDeadlineMs the longest a write may block, in milliseconds */
    public DeadlineSocketFactory(String writeDeadlineMs) {
        this.writeDeadlineMs = Long.parseLong(writeDeadlineMs);
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new DeadlineSocket(writeDeadlineMs);
        socket.setKeepAlive(true);
        keepAlive(socket, ExtendedSocketOptions.TCP_KEEPIDLE, KEEPALIVE_IDLE_SECONDS);
        keepAlive(socket, ExtendedSocketOptions.TCP_KEEPINTERVAL, KEEPALIVE_INTERVAL_SECONDS);
        keepAlive(socket, ExtendedSocketOptions.TCP_KEEPCOUNT, KEEPALIVE_PROBES);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }

    /** Keepalive timing where the platform lets a socket set it (Linux, macOS); the system's elsewhere. */
    private static void keepAlive(Socket socket, SocketOption<Integer> option, int value) throws IOException {
        if (socket.supportedOptions().contains(option)) {
            socket.setOption(option, value);
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("vecsync-pgvector-write-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** A socket whose every write is closed down when it outlives the deadline. */
    private static final class DeadlineSocket extends Socket {

        private final long deadlineMs;
        private OutputStream output;

        DeadlineSocket(long deadlineMs) {
            this.deadlineMs = deadlineMs;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        ScheduledFuture<?> deadline =
                                TIMER.schedule(DeadlineSocket.this::closeQuietly, deadlineMs, TimeUnit.MILLISECONDS);
                        try {
                            out.write(bytes, offset, length);
                        } finally {
                            deadline.cancel(false);
                        }
                    }
                };
            }
            return output;
        }

        private void closeQuietly() {
            try {
                close();
            } catch (IOException ignored) {
                // The write it unblocks fails, and the driver takes the connection for lost.
            }
        }
    }
}
