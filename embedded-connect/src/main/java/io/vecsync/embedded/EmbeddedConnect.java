/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.apache.kafka.connect.runtime.isolation.PluginDiscoveryMode;

/** One distributed-mode Connect worker in this JVM (Kafka's own), and its REST API as calls. */
public final class EmbeddedConnect implements AutoCloseable {

    /** The workers' offsets topic, which tests read to check what a source commits. */
    public static final String OFFSETS_TOPIC = "connect-offsets";
    /** Joining its group and reading the config topic, on a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Longer than the worker's own 90 s for a request, so that its answer, not ours, says why one took long. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(100);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One for every worker of the JVM: JDK 17's HttpClient cannot be closed, its threads end once it is collected. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    private final EmbeddedKafka kafka;
    private final Connect<DistributedHerder> worker;
    private final URI restUrl;

    private EmbeddedConnect(EmbeddedKafka kafka, Connect<DistributedHerder> worker) {
        this.kafka = kafka;
        this.worker = worker;
        URI advertised = worker.rest().advertisedUrl();
        this.restUrl = URI.create("http://" + advertised.getHost() + ":" + advertised.getPort() + "/");
    }

    /**
     * Starts a worker of the broker and returns once its REST API answers and it has joined its group. Defaults: a
     * group of its own, plugins found through {@code META-INF/services} ({@code plugin.discovery=service_load}) as a
     * production worker may, string converters, offsets committed every second, rebalances after a departed worker
     * within a second, internal topics at replication factor 1, REST on a free loopback port.
     *
     * @param workerOverrides worker configs that win over the defaults, e.g. {@code plugin.path}, or {@code group.id}
     *                        for a second worker of the same cluster; may be empty
     */
    public static EmbeddedConnect start(EmbeddedKafka kafka, Map<String, String> workerOverrides) {
        Map<String, String> config = workerConfig(kafka, workerOverrides);
        // Kafka's CLI makes the plugins' class loader the calling thread's; the caller keeps its own.
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        Connect<DistributedHerder> worker;
        try {
            worker = new ConnectDistributed().startConnect(config);
        } finally {
            thread.setContextClassLoader(callers);
        }
        EmbeddedConnect connect = new EmbeddedConnect(kafka, worker);
        try {
            connect.awaitReady();
        } catch (RuntimeException e) {
            connect.close();
            throw e;
        }
        return connect;
    }

    private static Map<String, String> workerConfig(EmbeddedKafka kafka, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>();
        config.put(WorkerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(DistributedConfig.GROUP_ID_CONFIG, "vecsync-connect-" + UUID.randomUUID());
        config.put("listeners", "http://127.0.0.1:0");
        config.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, PluginDiscoveryMode.SERVICE_LOAD.toString());
        config.put(WorkerConfig.KEY_CONVERTER_CLASS_CONFIG, "org.apache.kafka.connect.storage.StringConverter");
        config.put(WorkerConfig.VALUE_CONVERTER_CLASS_CONFIG, "org.apache.kafka.connect.storage.StringConverter");
        // Offsets committed promptly, so that a restart resumes from what was emitted.
        config.put(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "1000");
        config.put(DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_CONFIG, "1000");
        config.put(DistributedConfig.OFFSET_STORAGE_TOPIC_CONFIG, OFFSETS_TOPIC);
        config.put(DistributedConfig.OFFSET_STORAGE_REPLICATION_FACTOR_CONFIG, "1");
        config.put(DistributedConfig.CONFIG_STORAGE_REPLICATION_FACTOR_CONFIG, "1");
        config.put(DistributedConfig.STATUS_STORAGE_REPLICATION_FACTOR_CONFIG, "1");
        config.putAll(overrides);
        // A cluster's configs and statuses are its own: named after its group unless the overrides name them.
        String group = config.get(DistributedConfig.GROUP_ID_CONFIG);
        config.putIfAbsent(DistributedConfig.CONFIG_TOPIC_CONFIG, group + "-configs");
        config.putIfAbsent(DistributedConfig.STATUS_STORAGE_TOPIC_CONFIG, group + "-status");
        return config;
    }

    /** Polls GET /health, which answers 200 once the worker has joined its group and read its configs. */
    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = send(HttpRequest.newBuilder(restUrl.resolve("health"))
                        .timeout(REQUEST_TIMEOUT)
                        .GET());
                if (health.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + health.statusCode() + ": " + health.body();
            } catch (ConnectException notYet) {
                last = notYet.getMessage();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new InterruptException(e);
            }
        }
        throw new ConnectException("the Connect worker at " + restUrl + " was not ready within "
                + START_TIMEOUT.toSeconds() + " s: " + last);
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** The worker's REST root, e.g. {@code http://127.0.0.1:PORT/}. */
    public URI restUrl() {
        return restUrl;
    }

    /** Creates the connector or replaces its config (PUT /connectors/{name}/config). */
    public void configureConnector(String name, Map<String, String> config) {
        call("PUT", connector(name) + "/config", config);
    }

    public void deleteConnector(String name) {
        call("DELETE", connector(name), null);
    }

    public void pauseConnector(String name) {
        call("PUT", connector(name) + "/pause", null);
    }

    public void resumeConnector(String name) {
        call("PUT", connector(name) + "/resume", null);
    }

    /** Restarts the connector and all its tasks, running or not. */
    public void restartConnectorAndTasks(String name) {
        call("POST", connector(name) + "/restart?includeTasks=true&onlyFailed=false", null);
    }

    /**
     * The connector's state and its tasks', as the worker reports them.
     *
     * @throws ConnectRequestException with status 404 when the worker has no such connector (yet)
     */
    public ConnectorStatus connectorStatus(String name) {
        JsonNode status = call("GET", connector(name) + "/status", null);
        List<ConnectorStatus.TaskStatus> tasks = new ArrayList<>();
        for (JsonNode task : status.path("tasks")) {
            tasks.add(new ConnectorStatus.TaskStatus(
                    task.path("id").asInt(), task.path("state").asText(), trace(task)));
        }
        JsonNode connector = status.path("connector");
        return new ConnectorStatus(
                status.path("name").asText(name), connector.path("state").asText(), trace(connector), tasks);
    }

    private static String trace(JsonNode status) {
        return status.hasNonNull("trace") ? status.get("trace").asText() : null;
    }

    private static String connector(String name) {
        return "connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A REST call; its JSON answer, or an empty node when it has none. */
    private JsonNode call(String method, String path, Object body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(restUrl.resolve(path)).timeout(REQUEST_TIMEOUT);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new ConnectException("could not write the body of " + method + " " + path, e);
            }
        }
        HttpResponse<String> response = send(request);
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 400) {
            throw new ConnectRequestException(
                    response.statusCode(),
                    answer.path("message")
                            .asText(method + " " + path + " answered HTTP " + response.statusCode() + ": "
                                    + response.body()));
        }
        return answer;
    }

    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.header("Accept", "application/json").build();
        try {
            return HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConnectException(built.method() + " " + built.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }

    /** Stops the worker (its connectors and tasks) and waits until it has; the broker keeps running. */
    @Override
    public void close() {
        worker.stop();
        worker.awaitStop();
    }
}
