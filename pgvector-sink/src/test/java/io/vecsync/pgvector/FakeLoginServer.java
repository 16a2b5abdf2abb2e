/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * PostgreSQL's wire protocol up to the login, for what the scratch server (trust authentication) cannot do: refuse
 * a password as a server with password authentication does (SQLSTATE 28P01), or accept connections and never answer.
 */
final class FakeLoginServer implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_ENCRYPTION_REQUEST = 80877104;

    private final ServerSocket server;
    private final boolean answers;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final List<String> passwordsReceived = new CopyOnWriteArrayList<>();

    private FakeLoginServer(boolean answers) {
        this.answers = answers;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(this::acceptAll, "fake-postgres-login");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks every client for its password, and refuses it. */
    static FakeLoginServer refusingPasswords() {
        return new FakeLoginServer(true);
    }

    /** Accepts every connection and never sends a byte: a server hung, or a network that drops its answers. */
    static FakeLoginServer silent() {
        return new FakeLoginServer(false);
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/vecsync";
    }

    /** The passwords clients sent: proof that the one under test reached the server. */
    List<String> passwordsReceived() {
        return passwordsReceived;
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.add(socket);
                if (answers) {
                    Thread thread = new Thread(() -> refuse(socket), "fake-postgres-session");
                    thread.setDaemon(true);
                    thread.start();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void refuse(Socket socket) {
        try (socket;
                DataInputStream in = new DataInputStream(socket.getInputStream());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            String user = "";
            while (true) {
                int length = in.readInt();
                int code = in.readInt();
                if (code == SSL_REQUEST || code == GSS_ENCRYPTION_REQUEST) {
                    out.writeByte('N');
                    out.flush();
                    continue;
                }
                byte[] parameters = in.readNBytes(length - 8);
                String[] pairs = new String(parameters, StandardCharsets.UTF_8).split("\0");
                for (int i = 0; i + 1 < pairs.length; i += 2) {
                    if (pairs[i].equals("user")) {
                        user = pairs[i + 1];
                    }
                }
                break;
            }
            // AuthenticationCleartextPassword, then the client's PasswordMessage.
            out.writeByte('R');
            out.writeInt(8);
            out.writeInt(3);
            out.flush();
            in.readByte();
            byte[] password = in.readNBytes(in.readInt() - 4);
            passwordsReceived.add(new String(password, 0, password.length - 1, StandardCharsets.UTF_8));
            byte[] fields = ("SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user \"" + user + "\"\0\0")
                    .getBytes(StandardCharsets.UTF_8);
            out.writeByte('E');
            out.writeInt(4 + fields.length);
            out.write(fields);
            out.flush();
        } catch (IOException e) {
            // The client hung up: nothing more to refuse.
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
