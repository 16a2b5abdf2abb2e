/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Pinecone's REST control plane for indexes, API version 2025-10, as the client's generated models read it:
 * {@code GET /indexes}, {@code POST /indexes}, {@code GET} and {@code DELETE /indexes/{name}}, Api-Key auth, and
 * errors as {@code {"error": {"code", "message"}, "status"}}.
 */
final class FakeControlPlane implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,43}[a-z0-9])?");
    private static final Set<String> METRICS = Set.of("cosine", "euclidean", "dotproduct");
    private static final int MAX_DIMENSION = 20_000;
    private static final Map<Integer, String> ERROR_CODES = Map.of(
            400,
            "INVALID_ARGUMENT",
            401,
            "UNAUTHENTICATED",
            404,
            "NOT_FOUND",
            405,
            "METHOD_NOT_ALLOWED",
            409,
            "ALREADY_EXISTS",
            429,
            "RESOURCE_EXHAUSTED",
            503,
            "UNAVAILABLE");

    private final FakePinecone fake;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> log = new CopyOnWriteArrayList<>();

    FakeControlPlane(FakePinecone fake) throws IOException {
        this.fake = fake;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    List<String> log() {
        return List.copyOf(log);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!fake.apiKey().equals(exchange.getRequestHeaders().getFirst("Api-Key"))) {
                error(exchange, 401, "Invalid API Key");
                return;
            }
            int injected = fake.faults().nextHttpStatus();
            if (injected != 0) {
                error(exchange, injected, "injected " + injected);
                return;
            }
            String path = exchange.getRequestURI().getPath().replaceAll("/+$", "");
            String method = exchange.getRequestMethod();
            if (path.equals("/indexes")) {
                switch (method) {
                    case "GET" -> list(exchange);
                    case "POST" -> create(exchange);
                    default -> error(exchange, 405, "Method not allowed");
                }
            } else if (path.startsWith("/indexes/") && path.indexOf('/', "/indexes/".length()) < 0) {
                String name = path.substring("/indexes/".length());
                switch (method) {
                    case "GET" -> describe(exchange, name);
                    case "DELETE" -> delete(exchange, name);
                    default -> error(exchange, 405, "Method not allowed");
                }
            } else {
                error(exchange, 404, "Not found: " + path);
            }
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode indexes = body.putArray("indexes");
        fake.indexes().forEach(index -> indexes.add(model(index, true)));
        respond(exchange, 200, body);
    }

    private void create(HttpExchange exchange) throws IOException {
        JsonNode request;
        try {
            request = JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            error(exchange, 400, "Request body is not JSON");
            return;
        }
        String name = request.path("name").asText("");
        String metric = request.path("metric").asText("cosine");
        JsonNode serverless = request.path("spec").path("serverless");
        String problem = !INDEX_NAME.matcher(name).matches()
                ? "Name must consist of lower case alphanumeric characters or '-',"
                        + " and must start and end with an alphanumeric character; at most 45 characters"
                : !request.path("dimension").canConvertToInt()
                                || request.path("dimension").asInt() < 1
                                || request.path("dimension").asInt() > MAX_DIMENSION
                        ? "Dimension must be between 1 and " + MAX_DIMENSION
                        : !METRICS.contains(metric)
                                ? "Metric must be one of cosine, euclidean, dotproduct"
                                : !request.path("vector_type").asText("dense").equals("dense")
                                        ? "Only dense indexes are served here"
                                        : serverless.path("cloud").asText("").isEmpty()
                                                        || serverless
                                                                .path("region")
                                                                .asText("")
                                                                .isEmpty()
                                                ? "spec.serverless with cloud and region is required"
                                                : null;
        if (problem != null) {
            error(exchange, 400, problem);
            return;
        }
        FakeIndex index = fake.create(
                name,
                request.path("dimension").asInt(),
                metric,
                serverless.path("cloud").asText(),
                serverless.path("region").asText(),
                false);
        if (index == null) {
            error(exchange, 409, "Resource " + name + " already exists");
            return;
        }
        respond(exchange, 201, model(index, false));
    }

    private void describe(HttpExchange exchange, String name) throws IOException {
        FakeIndex index = fake.index(name).orElse(null);
        if (index == null) {
            error(exchange, 404, "Resource " + name + " not found");
            return;
        }
        respond(exchange, 200, model(index, index.describedReady()));
    }

    private void delete(HttpExchange exchange, String name) throws IOException {
        if (!fake.deleteIndex(name)) {
            error(exchange, 404, "Resource " + name + " not found");
            return;
        }
        log.add("DELETE " + exchange.getRequestURI().getPath() + " 202");
        exchange.sendResponseHeaders(202, -1);
    }

    /** IndexModel of API 2025-10: the client requires name, metric, host, spec (with read_capacity), status and vector_type. */
    private static ObjectNode model(FakeIndex index, boolean ready) {
        ObjectNode model = JSON.createObjectNode()
                .put("name", index.name())
                .put("vector_type", "dense")
                .put("metric", index.metric())
                .put("dimension", index.dimension())
                .put("host", index.host())
                .put("deletion_protection", "disabled");
        model.putObject("status").put("ready", ready).put("state", ready ? "Ready" : "Initializing");
        ObjectNode serverless = model.putObject("spec")
                .putObject("serverless")
                .put("cloud", index.cloud())
                .put("region", index.region());
        serverless
                .putObject("read_capacity")
                .put("mode", "OnDemand")
                .putObject("status")
                .put("state", "Ready");
        return model;
    }

    private void error(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error")
                .put("code", ERROR_CODES.getOrDefault(status, "UNKNOWN"))
                .put("message", message);
        body.put("status", status);
        respond(exchange, status, body);
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        log.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + status);
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
