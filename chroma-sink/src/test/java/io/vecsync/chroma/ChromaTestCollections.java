/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Direct calls to a Chroma server's API v2, outside the sink, in its default database: what the tests set up as users
 * of Chroma's own clients would, and read back. Free of test-support, so that the benchmarks can count and drop with it.
 */
public final class ChromaTestCollections {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String DATABASE = "/api/v2/tenants/default_tenant/databases/default_database";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;

    public ChromaTestCollections(String url) {
        this.url = url;
    }

    /** The collection as the server describes it, or null when it does not exist. */
    public JsonNode collection(String name) {
        return call("GET", DATABASE + "/collections/" + name, null);
    }

    /** Chroma's own count of the collection's records; 0 when it does not exist. */
    public int count(String name) {
        JsonNode collection = collection(name);
        return collection == null
                ? 0
                : call("GET", DATABASE + "/collections/" + collection.get("id").asText() + "/count", null)
                        .asInt();
    }

    /** The names of every collection in the default database. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        call("GET", DATABASE + "/collections", null)
                .forEach(collection -> names.add(collection.get("name").asText()));
        return names;
    }

    /** A collection as the platform docs' script creates it: {@code get_or_create_collection(name, metadata={"hnsw:space": space})}. */
    void createTheDocsWay(String name, String space) {
        call("POST", DATABASE + "/collections", Map.of("name", name, "metadata", Map.of("hnsw:space", space)));
    }

    /** Upserts one record, as the docs' loop does, which fixes the collection's dimension. */
    void upsert(String name, String id, float[] embedding, Map<String, Object> metadata) {
        call(
                "POST",
                DATABASE + "/collections/" + collection(name).get("id").asText() + "/upsert",
                Map.of("ids", List.of(id), "embeddings", List.of(embedding), "metadatas", List.of(metadata)));
    }

    void createDatabase(String database) {
        call("POST", "/api/v2/tenants/default_tenant/databases", Map.of("name", database));
    }

    /** Deletes the collection when it exists. */
    public void drop(String name) {
        call("DELETE", DATABASE + "/collections/" + name, null);
    }

    /** The answer's JSON; null for a 404; fails on any other error. */
    JsonNode call(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url + path))
                            .method(method, publisher)
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
