/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real PostgreSQL with pgvector for tests, found in this order: {@value #URL_ENV} naming an existing server (set by
 * bin/test for its scratch cluster), a Testcontainers pgvector container where Docker runs, or a scratch cluster
 * started here with bin/pg-scratch (which installs PostgreSQL and pgvector when missing).
 */
public final class PostgresServer {

    public static final String URL_ENV = "VECSYNC_PG_URL";
    /** Set with {@value #URL_ENV} when the server is a scratch cluster this machine can stop and start. */
    public static final String DIR_ENV = "VECSYNC_PG_DIR";

    private static String url;
    private static Path scratchDir;

    private PostgresServer() {}

    /** The JDBC URL, user included, of a database where the vector extension can be created. */
    public static synchronized String jdbcUrl() {
        if (url == null) {
            String fromEnv = System.getenv(URL_ENV);
            if (fromEnv != null && !fromEnv.isBlank()) {
                url = fromEnv;
                String dir = System.getenv(DIR_ENV);
                scratchDir = dir == null || dir.isBlank() ? null : Path.of(dir);
            } else if (DockerClientFactory.instance().isDockerAvailable()) {
                url = startContainer();
            } else {
                scratchDir = repositoryRoot().resolve("target/pg");
                url = pgScratch("start", scratchDir);
                Path dir = scratchDir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> pgScratch("stop", dir)));
            }
        }
        return url;
    }

    /** The scratch cluster's directory, when the server is one: only then can a test stop and restart it. */
    public static synchronized Optional<Path> scratchDir() {
        jdbcUrl();
        return Optional.ofNullable(scratchDir);
    }

    /** Stops the scratch cluster (for outage tests). */
    public static void stopScratch() {
        pgScratch("stop", scratchDir().orElseThrow(() -> new IllegalStateException("not a scratch cluster")));
    }

    /** Starts the scratch cluster again, on its old port. */
    public static void startScratch() {
        pgScratch("start", scratchDir().orElseThrow(() -> new IllegalStateException("not a scratch cluster")));
    }

    @SuppressWarnings("resource")
    private static String startContainer() {
        // Trust logins, as the scratch cluster's: the pgvector sink refuses a URL that carries a password.
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(
                        DockerImageName.parse("pgvector/pgvector:pg16").asCompatibleSubstituteFor("postgres"))
                .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust");
        container.start();
        return container.getJdbcUrl() + "&user=" + container.getUsername();
    }

    private static String pgScratch(String command, Path dir) {
        Path script = repositoryRoot().resolve("bin/pg-scratch");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), command, dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("bin/pg-scratch " + command + " " + dir + " failed: " + output);
            }
            String[] lines = output.split("\n");
            return lines[lines.length - 1].trim();
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + script, e);
        }
    }

    /** The checkout's root: the nearest directory upwards that holds bin/pg-scratch. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("bin/pg-scratch"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no bin/pg-scratch above " + Path.of("").toAbsolutePath());
    }
}
