/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.testing.Eventually;
import io.vecsync.testing.Provisioned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real Weaviate server for the tests, one per test JVM: the binary bin/weaviate-provision builds, on loopback ports of
 * its own, persisting to a scratch directory, with anonymous access and no vectorizer module. Suites call
 * {@link #available()} in an assumption, so they skip where it could not be built.
 */
public final class WeaviateServer {

    public static final String HOST = "127.0.0.1";
    private static WeaviateServer running;

    private final int httpPort;
    private final int grpcPort;

    private WeaviateServer(int httpPort, int grpcPort) {
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
    }

    /** Whether the server binary is here: named by VECSYNC_WEAVIATE_SERVER, or where bin/weaviate-provision builds it. */
    public static boolean available() {
        return binary() != null;
    }

    /** The running server, started on first use and killed when the JVM exits. */
    public static synchronized WeaviateServer get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    public int httpPort() {
        return httpPort;
    }

    public int grpcPort() {
        return grpcPort;
    }

    private static WeaviateServer start() {
        Path binary = binary();
        if (binary == null) {
            throw new IllegalStateException("Weaviate is not built; run bin/weaviate-provision");
        }
        try {
            Path data = Files.createTempDirectory("weaviate-data");
            int http = Provisioned.freePort();
            int grpc = Provisioned.freePort();
            ProcessBuilder builder = new ProcessBuilder(
                            binary.toString(), "--host", HOST, "--port", Integer.toString(http), "--scheme", "http")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            data.resolve("weaviate.log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("PERSISTENCE_DATA_PATH", data.toString());
            env.put("AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED", "true");
            env.put("DEFAULT_VECTORIZER_MODULE", "none");
            env.put("DISABLE_TELEMETRY", "true");
            env.put("GRPC_PORT", Integer.toString(grpc));
            // A single node on loopback: its cluster ports must be free, and it must not advertise the host's own
            // address (an IPv6 one breaks its RPC listener).
            env.put("CLUSTER_HOSTNAME", "node1");
            env.put("CLUSTER_ADVERTISE_ADDR", HOST);
            env.put("CLUSTER_BIND_ADDR", HOST);
            env.put("CLUSTER_GOSSIP_BIND_PORT", Integer.toString(Provisioned.freePort()));
            env.put("CLUSTER_DATA_BIND_PORT", Integer.toString(Provisioned.freePort()));
            env.put("RAFT_PORT", Integer.toString(Provisioned.freePort()));
            env.put("RAFT_INTERNAL_RPC_PORT", Integer.toString(Provisioned.freePort()));
            env.put("RAFT_BOOTSTRAP_EXPECT", "1");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            WeaviateServer server = new WeaviateServer(http, grpc);
            Eventually.await(
                    Duration.ofSeconds(90),
                    "Weaviate ready on " + http + " (log: " + data.resolve("weaviate.log") + ")",
                    () -> process.isAlive() && server.ready());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Weaviate", e);
        }
    }

    private boolean ready() {
        return Provisioned.answers(URI.create("http://" + HOST + ":" + httpPort + "/v1/.well-known/ready"));
    }

    private static Path binary() {
        return Provisioned.executable("VECSYNC_WEAVIATE_SERVER", "weaviate-v1.35.2/weaviate-server");
    }
}
