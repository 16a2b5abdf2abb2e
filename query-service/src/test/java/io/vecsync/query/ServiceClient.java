/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** HTTP calls to a running query service, as its callers make them. */
final class ServiceClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A service that hangs fails the test after this, instead of hanging it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ServiceClient() {}

    static HttpResponse<String> post(QueryService target, String body, Map<String, String> headers) throws Exception {
        return postAsync(target, body, headers).get();
    }

    static CompletableFuture<HttpResponse<String>> postAsync(
            QueryService target, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(target, "/v1/search"))
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(QueryService target, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri(target, path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request to the service. */
    interface Exchange {
        HttpResponse<String> send() throws Exception;
    }

    /** The answer's status, or -1 when there was none: for polling a service until it answers as expected. */
    static int statusOf(Exchange exchange) {
        try {
            return exchange.send().statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static URI uri(QueryService target, String path) {
        return URI.create("http://127.0.0.1:" + target.port() + path);
    }
}
