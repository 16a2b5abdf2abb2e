/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.vecsync.testing.StoredPoint;
import io.weaviate.client6.v1.api.Authentication;
import io.weaviate.client6.v1.api.WeaviateClient;
import io.weaviate.client6.v1.api.collections.CollectionHandle;
import io.weaviate.client6.v1.api.collections.Vectors;
import io.weaviate.client6.v1.api.collections.WeaviateObject;
import io.weaviate.client6.v1.api.collections.query.QueryResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Direct access to a Weaviate — the fake or a real one — for tests: reads back what the sink wrote with the official
 * client and class definitions over REST, sets collections up over REST as the platform docs' Python script leaves
 * them, and sets shards read-only.
 */
final class WeaviateTestClient implements AutoCloseable {

    private final String host;
    private final int httpPort;
    private final int grpcPort;
    private final String apiKey;
    private final WeaviateClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param apiKey null when Weaviate lets anyone in */
    WeaviateTestClient(String host, int httpPort, int grpcPort, String apiKey) {
        this.host = host;
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
        this.apiKey = apiKey;
        this.client = WeaviateClient.connectToCustom(c -> {
            c.scheme("http").httpHost(host).httpPort(httpPort).grpcHost(host).grpcPort(grpcPort);
            if (apiKey != null) {
                c.authentication(Authentication.apiKey(apiKey));
            }
            return c;
        });
    }

    WeaviateTestClient(String host, int httpPort, int grpcPort) {
        this(host, httpPort, grpcPort, null);
    }

    /** The sink's connection settings for this Weaviate. */
    Map<String, String> sinkProps() {
        Map<String, String> props = new HashMap<>();
        props.put(WeaviateSinkConfig.HOST, host);
        props.put(WeaviateSinkConfig.HTTP_PORT, Integer.toString(httpPort));
        props.put(WeaviateSinkConfig.GRPC_PORT, Integer.toString(grpcPort));
        props.put(WeaviateSinkConfig.TIMEOUT_MS, "5000");
        return props;
    }

    WeaviateClient client() {
        return client;
    }

    /** Every object of a collection (of one tenant, when given), as the behaviour suite compares points. */
    Map<String, StoredPoint> readAll(String collection, String tenant) {
        Map<String, StoredPoint> points = new HashMap<>();
        try {
            if (!client.collections.exists(collection)) {
                return points;
            }
        } catch (IOException e) {
            throw new IllegalStateException("looking up " + collection, e);
        }
        CollectionHandle<Map<String, Object>> handle = client.collections.use(collection);
        CollectionHandle<Map<String, Object>> shard = tenant == null ? handle : handle.withTenant(tenant);
        String after = null;
        while (true) {
            String cursor = after;
            QueryResponse<Map<String, Object>> page = shard.query.fetchObjects(query -> {
                query.limit(500).includeVector();
                return cursor == null ? query : query.after(cursor);
            });
            for (WeaviateObject<Map<String, Object>> object : page.objects()) {
                // Weaviate answers the properties an object lacks as null.
                Map<String, String> payload = new LinkedHashMap<>();
                object.properties().forEach((name, value) -> {
                    if (value != null) {
                        payload.put(name, String.valueOf(value));
                    }
                });
                points.put(object.uuid(), new StoredPoint(onlyVector(object.vectors()), payload));
            }
            if (page.objects().size() < 500) {
                return points;
            }
            after = page.objects().get(page.objects().size() - 1).uuid();
        }
    }

    /** An object's vector: its one named vector, or the class-level one, which the client names "default". */
    private static float[] onlyVector(Vectors vectors) {
        return vectors.size() == 1 && !vectors.contains(CollectionDefinition.DEFAULT_VECTOR)
                ? (float[]) vectors.asMap().values().iterator().next()
                : vectors.getSingle(CollectionDefinition.DEFAULT_VECTOR);
    }

    Map<String, StoredPoint> readAll(String collection) {
        return readAll(collection, null);
    }

    /** The ids of the objects of a collection (of one tenant, when given). */
    Set<String> ids(String collection, String tenant) {
        return readAll(collection, tenant).keySet();
    }

    Set<String> ids(String collection) {
        return ids(collection, null);
    }

    /** {@code GET /v1/schema/{collection}}: the class definition. */
    JsonObject definition(String collection) {
        return JsonParser.parseString(rest("GET", "/v1/schema/" + collection, null))
                .getAsJsonObject();
    }

    /** A property's data type and tokenization as {@code text/word}, {@code number/-}..., by name. */
    Map<String, String> propertyTypes(String collection) {
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonElement property : definition(collection).getAsJsonArray("properties")) {
            JsonObject fields = property.getAsJsonObject();
            types.put(
                    fields.get("name").getAsString(),
                    fields.getAsJsonArray("dataType").get(0).getAsString() + "/"
                            + (fields.has("tokenization")
                                            && !fields.get("tokenization").isJsonNull()
                                    ? fields.get("tokenization").getAsString()
                                    : "-"));
        }
        return types;
    }

    /** Sets every shard of the collection READONLY or back to READY, as an operator (or a full disk) does. */
    void readOnly(String collection, boolean readOnly) {
        for (JsonElement shard : JsonParser.parseString(rest("GET", "/v1/schema/" + collection + "/shards", null))
                .getAsJsonArray()) {
            rest(
                    "PUT",
                    "/v1/schema/" + collection + "/shards/"
                            + shard.getAsJsonObject().get("name").getAsString(),
                    "{\"status\":\"" + (readOnly ? "READONLY" : "READY") + "\"}");
        }
    }

    /** Drops every collection: a clean slate for the next test. */
    void dropAll() {
        for (JsonElement definition : JsonParser.parseString(rest("GET", "/v1/schema", null))
                .getAsJsonObject()
                .getAsJsonArray("classes")) {
            drop(definition.getAsJsonObject().get("class").getAsString());
        }
    }

    /** The collection as the platform docs' Python script creates it: no vectorizer, three text properties, a legacy vector. */
    void createDocsCollection(String collection) {
        rest(
                "POST",
                "/v1/schema",
                "{\"class\":\"" + collection + "\",\"vectorizer\":\"none\",\"properties\":["
                        + "{\"name\":\"video_id\",\"dataType\":[\"text\"]},{\"name\":\"start\",\"dataType\":[\"text\"]},"
                        + "{\"name\":\"end\",\"dataType\":[\"text\"]}]}");
    }

    /** Creates a class from its JSON definition. */
    void createCollection(String definitionJson) {
        rest("POST", "/v1/schema", definitionJson);
    }

    /** Adds one object with a legacy vector over REST, as a user's script might. */
    void insert(String collection, String id, float[] vector, String videoId) {
        StringBuilder values = new StringBuilder();
        for (float value : vector) {
            values.append(values.length() == 0 ? "" : ",").append(value);
        }
        rest(
                "POST",
                "/v1/objects",
                "{\"class\":\"" + collection + "\",\"id\":\"" + id + "\",\"vector\":[" + values
                        + "],\"properties\":{\"video_id\":\"" + videoId
                        + "\",\"start\":\"00:00:00\",\"end\":\"00:00:10\"}}");
    }

    void drop(String collection) {
        try {
            client.collections.delete(collection);
        } catch (IOException e) {
            throw new IllegalStateException("dropping " + collection, e);
        }
    }

    /** @return the response body */
    private String rest(String method, String path, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + httpPort + path))
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            if (apiKey != null) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    List<String> tenants(String collection) {
        return client.collections.use(collection).tenants.list().stream()
                .map(t -> t.name())
                .sorted()
                .toList();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the test client", e);
        }
    }
}
