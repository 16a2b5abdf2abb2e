/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import io.vecsync.testing.Eventually;
import io.vecsync.testing.Provisioned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Chroma server for the tests, one per test JVM: {@code chroma run} from the venv bin/chroma-provision installs,
 * on a loopback port of its own, persisting to a scratch directory removed at exit. Suites call {@link #available()}
 * in an assumption, so they skip where Chroma could not be installed.
 */
public final class ChromaServer {

    public static final String HOST = "127.0.0.1";
    private static ChromaServer running;

    private final int port;

    private ChromaServer(int port) {
        this.port = port;
    }

    /** Whether Chroma is here: named by VECSYNC_CHROMA, or where bin/chroma-provision installs it. */
    public static boolean available() {
        return executable() != null;
    }

    /** The running server, started on first use and stopped when the JVM exits. */
    public static synchronized ChromaServer get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    /** The server's base URL, as the sink's chroma.url takes it. */
    public String url() {
        return "http://" + HOST + ":" + port;
    }

    private static ChromaServer start() {
        Path chroma = executable();
        if (chroma == null) {
            throw new IllegalStateException("Chroma is not installed; run bin/chroma-provision");
        }
        try {
            Path scratch = Files.createTempDirectory("chroma");
            Path log = scratch.resolve("chroma.log");
            int port = Provisioned.freePort();
            ProcessBuilder builder = new ProcessBuilder(
                            chroma.toString(),
                            "run",
                            "--path",
                            scratch.resolve("data").toString(),
                            "--host",
                            HOST,
                            "--port",
                            Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("ANONYMIZED_TELEMETRY", "False");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, scratch)));
            ChromaServer server = new ChromaServer(port);
            URI heartbeat = URI.create(server.url() + "/api/v2/heartbeat");
            Eventually.await(
                    Duration.ofSeconds(60),
                    "Chroma answering on " + port + " (log: " + log + ")",
                    () -> process.isAlive() && Provisioned.answers(heartbeat));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Chroma", e);
        }
    }

    /** Asks the server to stop, kills it if it lingers, then removes its data. */
    private static void stop(Process process, Path scratch) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        } catch (IOException | InterruptedException e) {
            // The JVM is exiting: a scratch directory left in the temporary directory is all that is lost.
        }
    }

    private static Path executable() {
        return Provisioned.executable("VECSYNC_CHROMA", "chroma-1.5.9/bin/chroma");
    }
}
