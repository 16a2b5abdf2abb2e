/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Weaviate's REST API as far as schema, shards, tenants, objects and health go: {@code /v1/meta},
 * {@code /v1/.well-known/*}, {@code /v1/schema[/{class}[/properties|/shards[/{shard}]|/tenants[/{tenant}]]]} and
 * {@code POST /v1/objects}, with Weaviate's JSON error bodies and its API-key check.
 */
final class FakeWeaviateRest implements AutoCloseable {

    private static final String VERSION = "1.35.2";
    private final int grpcMaxMessageSize;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectMapper mapper = new ObjectMapper();
    private final FakeWeaviateData data;
    private final Faults faults;
    private final String apiKey;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "fake-weaviate-rest");
        thread.setDaemon(true);
        return thread;
    });

    FakeWeaviateRest(FakeWeaviateData data, Faults faults, String apiKey, int grpcMaxMessageSize) {
        this.grpcMaxMessageSize = grpcMaxMessageSize;
        this.data = data;
        this.faults = faults;
        this.apiKey = apiKey;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath().substring("/v1".length());
            List<String> segments =
                    Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
            if (!segments.isEmpty() && segments.get(0).equals(".well-known")) {
                send(exchange, 200, null);
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (apiKey != null && !("Bearer " + apiKey).equals(authorization)) {
                send(
                        exchange,
                        401,
                        JSON.objectNode()
                                .put("code", 401)
                                .put(
                                        "message",
                                        authorization == null
                                                ? "anonymous access not enabled, please provide an auth scheme such as OIDC"
                                                : "invalid api key: key not found"));
                return;
            }
            int injected = faults.restFailure(method, path);
            if (injected != 0) {
                if (injected == 429) {
                    exchange.getResponseHeaders().set("Retry-After", "1");
                }
                send(exchange, injected, errorBody("injected failure " + injected));
                return;
            }
            try {
                route(exchange, method, segments);
            } catch (WeaviateError e) {
                send(exchange, e.httpStatus(), e.httpStatus() == 404 ? null : errorBody(e.getMessage()));
            }
        }
    }

    private void route(HttpExchange exchange, String method, List<String> segments) throws IOException {
        String resource = segments.isEmpty() ? "" : segments.get(0);
        int depth = segments.size();
        if (resource.equals("meta") && depth == 1 && method.equals("GET")) {
            send(
                    exchange,
                    200,
                    JSON.objectNode()
                            .put("hostname", "http://[::]:8080")
                            .put("version", VERSION)
                            .put("grpcMaxMessageSize", grpcMaxMessageSize)
                            .set("modules", JSON.objectNode()));
        } else if (resource.equals("schema") && depth == 1) {
            switch (method) {
                case "GET" -> {
                    ArrayNode classes = JSON.arrayNode();
                    data.definitions().forEach(classes::add);
                    send(exchange, 200, JSON.objectNode().set("classes", classes));
                }
                case "POST" -> send(exchange, 200, data.createCollection(body(exchange)));
                default -> send(exchange, 405, null);
            }
        } else if (resource.equals("schema") && depth == 2) {
            String collection = segments.get(1);
            switch (method) {
                case "GET" ->
                    send(
                            exchange,
                            200,
                            data.definition(collection)
                                    .orElseThrow(() -> WeaviateError.notFound("class " + collection + " not found")));
                case "DELETE" -> {
                    data.deleteCollection(collection);
                    send(exchange, 200, null);
                }
                default -> send(exchange, 405, null);
            }
        } else if (resource.equals("schema")
                && depth == 3
                && segments.get(2).equals("properties")
                && method.equals("POST")) {
            JsonNode property = body(exchange);
            data.addProperty(segments.get(1), property);
            send(exchange, 200, property);
        } else if (resource.equals("schema")
                && depth == 3
                && segments.get(2).equals("shards")
                && method.equals("GET")) {
            ArrayNode shards = JSON.arrayNode();
            data.shards(segments.get(1))
                    .forEach((name, status) -> shards.addObject()
                            .put("name", name)
                            .put("status", status)
                            .put("vectorQueueSize", 0));
            send(exchange, 200, shards);
        } else if (resource.equals("schema")
                && depth == 4
                && segments.get(2).equals("shards")
                && method.equals("PUT")) {
            JsonNode status = body(exchange);
            data.shardStatus(
                    segments.get(1), segments.get(3), status.path("status").asText());
            send(exchange, 200, status);
        } else if (resource.equals("schema") && depth >= 3 && segments.get(2).equals("tenants")) {
            tenants(exchange, method, segments.get(1), depth == 4 ? segments.get(3) : null);
        } else if (resource.equals("objects") && depth == 1 && method.equals("POST")) {
            createObject(exchange, body(exchange));
        } else {
            send(exchange, 404, null);
        }
    }

    private void tenants(HttpExchange exchange, String method, String collection, String tenant) throws IOException {
        if (tenant != null) {
            String status = data.tenants(collection).get(tenant);
            if (status == null || !(method.equals("GET") || method.equals("HEAD"))) {
                send(exchange, status == null ? 404 : 405, null);
            } else {
                send(exchange, 200, method.equals("HEAD") ? null : tenantJson(tenant, status));
            }
            return;
        }
        switch (method) {
            case "GET" -> {
                ArrayNode tenants = JSON.arrayNode();
                data.tenants(collection).forEach((name, status) -> tenants.add(tenantJson(name, status)));
                send(exchange, 200, tenants);
            }
            case "POST", "PUT" -> {
                JsonNode requested = body(exchange);
                for (JsonNode entry : requested) {
                    data.addTenant(
                            collection,
                            entry.path("name").asText(),
                            entry.path("activityStatus").asText("ACTIVE"));
                }
                send(exchange, 200, requested);
            }
            case "DELETE" -> {
                for (JsonNode name : body(exchange)) {
                    data.removeTenant(collection, name.asText());
                }
                send(exchange, 200, null);
            }
            default -> send(exchange, 405, null);
        }
    }

    private static ObjectNode tenantJson(String name, String status) {
        return JSON.objectNode().put("name", name).put("activityStatus", status);
    }

    /** {@code POST /v1/objects}: one object, refused when its id exists already (batch imports replace instead). */
    private void createObject(HttpExchange exchange, JsonNode object) throws IOException {
        String collection = object.path("class").asText();
        String tenant = object.path("tenant").asText("");
        String id = object.path("id").asText();
        if (data.objects(collection).getOrDefault(tenant, Map.of()).containsKey(id)) {
            throw WeaviateError.unprocessable("id '" + id + "' already exists");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        object.path("properties")
                .properties()
                .forEach(field -> properties.put(field.getKey(), scalar(field.getValue())));
        Map<String, float[]> vectors = new LinkedHashMap<>();
        if (object.path("vector").isArray()) {
            vectors.put(StoredObject.LEGACY, floats(object.get("vector")));
        }
        object.path("vectors").properties().forEach(field -> vectors.put(field.getKey(), floats(field.getValue())));
        data.put(collection, tenant, id, properties, vectors);
        send(exchange, 200, object);
    }

    private static Object scalar(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return value.isNull() ? null : value.toString();
    }

    private static float[] floats(JsonNode array) {
        float[] vector = new float[array.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) array.get(i).asDouble();
        }
        return vector;
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                throw WeaviateError.unprocessable("request body is empty");
            }
            try {
                return mapper.readTree(bytes);
            } catch (IOException e) {
                throw WeaviateError.unprocessable("request body is not JSON: " + e.getMessage());
            }
        }
    }

    private static ObjectNode errorBody(String message) {
        ObjectNode body = JSON.objectNode();
        body.putArray("error").addObject().put("message", message);
        return body;
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes =
                body == null ? new byte[0] : mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        boolean noBody = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
