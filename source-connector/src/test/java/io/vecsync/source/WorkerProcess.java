/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.Provisioned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A distributed Connect worker in a JVM of its own, on the test's class path, joined to a running broker: a test can
 * kill it the way a crash does (SIGKILL), which an in-process worker cannot be.
 */
final class WorkerProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String restUrl;

    private WorkerProcess(Process process, String restUrl) {
        this.process = process;
        this.restUrl = restUrl;
    }

    /**
     * Starts a worker of the group and waits until its REST API answers.
     *
     * @param group      the worker group; its config, offsets and status topics are named after it
     * @param extraProps worker properties on top of the defaults, e.g. {@code exactly.once.source.support}
     * @param log        where the worker's output goes
     */
    public static WorkerProcess start(String bootstrapServers, String group, Map<String, String> extraProps, Path log) {
        try {
            int port = Provisioned.freePort();
            Map<String, String> props = new LinkedHashMap<>();
            props.put("bootstrap.servers", bootstrapServers);
            props.put("group.id", group);
            props.put("config.storage.topic", group + "-configs");
            props.put("offset.storage.topic", group + "-offsets");
            props.put("status.storage.topic", group + "-status");
            for (String topic : List.of("config", "offset", "status")) {
                props.put(topic + ".storage.replication.factor", "1");
            }
            props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
            props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            props.put("listeners", "http://127.0.0.1:" + port);
            // A dead worker's tasks move after the group notices it is gone, not after Connect's 5 minute default.
            props.put("scheduled.rebalance.max.delay.ms", "1000");
            props.put("session.timeout.ms", "6000");
            props.putAll(extraProps);
            Path file = Files.createTempFile("worker-" + group, ".properties");
            Files.writeString(
                    file,
                    props.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("\n")));
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(
                            java,
                            "-Xmx512m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            "org.apache.kafka.connect.cli.ConnectDistributed",
                            file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            WorkerProcess worker = new WorkerProcess(process, "http://127.0.0.1:" + port);
            Eventually.await(
                    Duration.ofSeconds(60), "worker " + group + " answering on its REST port", worker::answers);
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates or updates a connector through this worker's REST API. */
    public void configureConnector(String name, Map<String, String> config) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl + "/connectors/" + name + "/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(config)))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    "connector " + name + " refused: " + response.statusCode() + " " + response.body());
        }
    }

    /** Kills the worker without warning, as a crash or {@code kill -9} does, and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    private boolean answers() {
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(URI.create(restUrl + "/"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
