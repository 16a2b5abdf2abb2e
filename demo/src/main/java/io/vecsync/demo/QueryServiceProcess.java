/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The query service as users run it — {@code java -jar} with a config file — in a child process of the demo. */
final class QueryServiceProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long STOP_SECONDS = 5;
    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private QueryServiceProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts the service jar and waits until its health check answers.
     *
     * @param environment settings given as VECSYNC_ variables rather than in its file: the secrets
     */
    static QueryServiceProcess start(
            Path jar, Map<String, String> settings, Map<String, String> environment, Path runDir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Properties properties = new Properties();
        properties.putAll(settings);
        properties.setProperty("http.host", "127.0.0.1");
        properties.setProperty("http.port", Integer.toString(port));
        Path config = runDir.resolve("query-service.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, "written by the vecsync demo");
        }
        Path log = runDir.resolve("query-service.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        QueryServiceProcess service = new QueryServiceProcess(builder.start(), URI.create("http://127.0.0.1:" + port));
        try {
            service.awaitHealthy(log);
        } catch (Exception e) {
            service.close();
            throw e;
        }
        return service;
    }

    URI base() {
        return base;
    }

    /** The hits of a text query. */
    JsonNode search(String query, int topK) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("query", query, "top_k", topK));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("/v1/search"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new DemoFailure(
                    "the query service answered a search with HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("hits");
    }

    private void awaitHealthy(Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw DemoFailure.ofTrace("the query service exited (its output: " + log + ")", Files.readString(log));
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(base.resolve("/healthz"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        throw new DemoFailure("the query service did not start within 60 s; its output: " + log);
    }

    /** Stops the service, as Ctrl-C would, and waits for it; kills it when it lingers or the wait is interrupted. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
