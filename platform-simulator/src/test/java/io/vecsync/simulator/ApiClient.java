/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Calls a simulator over HTTP the way a client does, for the tests. */
final class ApiClient {

    static final String LIST = "/api/backend/v1/developer/videos/list";
    static final String DETAILS = "/api/backend/v1/developer/videos/get-video-details?video_id=";
    static final String SEARCH_STATUS = "/api/backend/v1/developer/videos/search-process/status/";
    static final String ANALYSE_STATUS = "/api/backend/v1/developer/videos/analyse/status/";
    static final String EMBEDDINGS = "/api/chat/v1/developer/embeddings/video/";
    static final String TEXT = "/api/chat/v1/developer/embeddings/text";
    static final String COLLECTIONS = "/api/backend/v1/developer/collections/list";
    static final String COLLECTION_VIDEOS = "/api/backend/v1/developer/collections/%s/videos";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PlatformSimulator simulator;

    ApiClient(PlatformSimulator simulator) {
        this.simulator = simulator;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, simulator.apiKey());
    }

    /** A GET sending the given key, or none when it is null. */
    HttpResponse<String> get(String pathAndQuery, String apiKey) {
        return getUrl(simulator.baseUrl() + pathAndQuery, apiKey);
    }

    /** A GET of an absolute URL, which need not be this simulator's, sending the given key or none. */
    static HttpResponse<String> getUrl(String url, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return send(request.GET().build());
    }

    HttpResponse<String> postText(String text) {
        String body = MAPPER.createObjectNode().put("text", text).toString();
        return send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + TEXT))
                .header("X-API-Key", simulator.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** The body of a GET that must answer 200. */
    JsonNode json(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        assertEquals(200, response.statusCode(), response::body);
        return parse(response);
    }

    /** The "data" items of a listing that must answer 200. */
    List<JsonNode> items(String pathAndQuery) {
        List<JsonNode> items = new ArrayList<>();
        json(pathAndQuery).get("data").forEach(items::add);
        return items;
    }

    List<String> names(String pathAndQuery) {
        return items(pathAndQuery).stream()
                .map(item -> item.get("name").asText())
                .toList();
    }

    List<String> ids(String pathAndQuery) {
        return items(pathAndQuery).stream()
                .map(item -> item.get("video_id").asText())
                .toList();
    }

    static JsonNode parse(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
