/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * Chroma's HTTP API v2 (the server's /openapi.json) over the JDK's HttpClient with Jackson: the token in
 * x-chroma-token, a deadline on every call, and each failure as the Connect exception that says what to do — a
 * RetriableException for what a retry can fix (unreachable, deadline missed, 408, 429, 5xx), a ConnectException naming
 * chroma.token for 401 and 403, and a {@link ChromaRefusal} for the other 4xx, for the caller to judge.
 */
final class ChromaClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_HEADER = "x-chroma-token";
    private static final int MAX_DETAIL = 300;

    private final HttpClient http;
    private final String api;
    private final String databasePath;
    private final Optional<Password> token;
    private final Duration timeout;
    private PreFlight preFlight;

    /**
     * What the server announces of its limits ({@code GET /api/v2/pre-flight-checks}).
     *
     * @param maxBatchSize records per add or upsert, at most
     * @param base64       whether it reads embeddings as base64 little-endian float32
     */
    record PreFlight(int maxBatchSize, boolean base64) {}

    ChromaClient(ChromaSinkConfig config) {
        this.timeout = config.timeout();
        // HTTP/1.1, as Chroma's own clients speak it: no attempt at upgrading a cleartext connection to HTTP/2.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        this.api = config.url() + "/api/v2";
        this.databasePath = "/tenants/" + segment(config.tenant()) + "/databases/" + segment(config.database());
        this.token = config.token();
    }

    /** One path segment, percent-encoded. */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code /tenants/{tenant}/databases/{database}} of the configured database, for the paths below it. */
    String databasePath() {
        return databasePath;
    }

    /** The server's limits, read once. */
    synchronized PreFlight preFlight() {
        if (preFlight == null) {
            JsonNode checks = get("/pre-flight-checks", "reading the server's limits");
            int announced = checks.path("max_batch_size").asInt(0);
            // A server that announces no limit leaves batch.size alone.
            preFlight = new PreFlight(
                    announced > 0 ? announced : Integer.MAX_VALUE,
                    checks.path("supports_base64_encoding").asBoolean(false));
        }
        return preFlight;
    }

    /** GET below /api/v2; the answer's JSON. */
    JsonNode get(String path, String doing) {
        return send(request(path).GET(), doing);
    }

    /** POST of a value Jackson writes as JSON below /api/v2; the answer's JSON. */
    JsonNode post(String path, Object body, String doing) {
        try {
            return post(path, JSON.writeValueAsBytes(body), doing);
        } catch (JsonProcessingException e) {
            throw new ConnectException(doing + ": cannot write the request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** POST of JSON text below /api/v2; the answer's JSON. */
    JsonNode post(String path, byte[] json, String doing) {
        return send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json)),
                doing);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(api + path)).timeout(timeout).header("Accept", "application/json");
        token.ifPresent(secret -> request.header(TOKEN_HEADER, secret.value()));
        return request;
    }

    private JsonNode send(HttpRequest.Builder request, String doing) {
        HttpResponse<byte[]> response =
                await(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()), doing);
        int status = response.statusCode();
        if (status / 100 == 2) {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new ConnectException(
                        doing + ": Chroma answered with a body that is not JSON: " + e.getMessage(), e);
            }
        }
        String message = doing + " failed: HTTP " + status + " (" + detail(response.body()) + ")";
        if (status == 401 || status == 403) {
            throw new ConnectException(message
                    + (token.isPresent()
                            ? "; Chroma refused the token: check " + ChromaSinkConfig.TOKEN
                                    + " and that it may use the database"
                            : "; Chroma needs a token: set " + ChromaSinkConfig.TOKEN));
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new RetriableException(message);
        }
        throw new ChromaRefusal(message, status);
    }

    /** Waits for the answer until the deadline, which also covers reading its body. */
    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> call, String doing) {
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new RetriableException(doing + " got no answer within " + timeout.toMillis() + " ms ("
                    + ChromaSinkConfig.TIMEOUT_MS + ")");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // The JDK leaves the message of a refused connection empty; its type says what happened.
            String message = doing + " failed: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
            throw cause instanceof IOException
                    ? new RetriableException(message, cause)
                    : new ConnectException(message, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new ConnectException(doing + " was interrupted", e);
        }
    }

    /** Chroma's {@code {"error", "message"}}, or the start of whatever else the body holds. */
    private static String detail(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.hasNonNull("message")) {
                text = error.path("error").asText("error") + ": "
                        + error.get("message").asText();
            }
        } catch (IOException notJson) {
            // The text as it is, e.g. "Payload too large".
        }
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
    }
}
