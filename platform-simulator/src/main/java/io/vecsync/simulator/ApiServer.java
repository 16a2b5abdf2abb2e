/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP front: matches routes, redirects, checks the API key, injects faults, meters, writes the responses. */
final class ApiServer implements AutoCloseable {

    private static final int THREADS = 8;
    private static final String HOST = "127.0.0.1";
    private static final String API_KEY_HEADER = "X-API-Key";

    static {
        // Headers and body leave as separate writes; with Nagle's algorithm and delayed ACKs, small answers took 40 ms.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final String apiKey;
    private final Faults faults;
    private final Meter meter;
    private final List<Endpoint> endpoints;
    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    private final HttpServer server;

    ApiServer(
            int port,
            String apiKey,
            Catalog catalog,
            Faults faults,
            VideoFaults videoFaults,
            Meter meter,
            SimulatedTextEmbeddings embedder)
            throws IOException {
        this.apiKey = apiKey;
        this.faults = faults;
        this.meter = meter;
        this.server = HttpServer.create(new InetSocketAddress(HOST, port), 0);
        // Video items carry URLs on this server, known only once it is bound.
        Endpoints api = new Endpoints(catalog, faults, videoFaults, embedder, new VideoJson(baseUrl()), meter);
        this.endpoints = List.of(
                new Endpoint(Route.VIDEOS_LIST, "GET", "/api/backend/v1/developer/videos/list", api::listVideos),
                new Endpoint(
                        Route.VIDEO_DETAILS,
                        "GET",
                        "/api/backend/v1/developer/videos/get-video-details",
                        api::videoDetails),
                new Endpoint(
                        Route.SEARCH_PROCESS_STATUS,
                        "GET",
                        "/api/backend/v1/developer/videos/search-process/status/{id}",
                        api::searchProcessStatus),
                new Endpoint(
                        Route.ANALYSE_STATUS,
                        "GET",
                        "/api/backend/v1/developer/videos/analyse/status/{id}",
                        api::analyseStatus),
                new Endpoint(
                        Route.VIDEO_EMBEDDINGS,
                        "GET",
                        "/api/chat/v1/developer/embeddings/video/{id}",
                        api::videoEmbeddings),
                new Endpoint(
                        Route.TEXT_EMBEDDINGS, "POST", "/api/chat/v1/developer/embeddings/text", api::textEmbedding),
                new Endpoint(
                        Route.COLLECTIONS, "GET", "/api/backend/v1/developer/collections/list", api::listCollections),
                new Endpoint(
                        Route.COLLECTIONS,
                        "GET",
                        "/api/backend/v1/developer/collections/{id}/videos",
                        api::collectionVideos),
                new Endpoint(Route.HLS, "GET", VideoJson.HLS_PATH + "{id}/{file}", api::hls),
                new Endpoint(Route.THUMBNAIL, "GET", VideoJson.THUMBNAIL_PATH + "{id}/{file}", api::thumbnail));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://" + HOST + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Match match = match(exchange.getRequestURI().getPath());
            Response response = respond(exchange, match);
            // Counted before the reply leaves, so a client that has its answer also sees it accounted.
            meter.record(
                    match.route(),
                    match.pathId(),
                    response.status(),
                    exchange.getRequestHeaders().containsKey(API_KEY_HEADER));
            send(exchange, response);
        } finally {
            exchange.close();
        }
    }

    private Response respond(HttpExchange exchange, Match match) {
        try {
            Thread.sleep(faults.latency().toMillis());
            Optional<String> redirect = faults.redirect(match.route());
            if (redirect.isPresent()) {
                URI uri = exchange.getRequestURI();
                return Response.redirect(
                        redirect.get() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            }
            if (!apiKey.equals(exchange.getRequestHeaders().getFirst(API_KEY_HEADER))) {
                return Response.error(401, "Invalid or missing API key");
            }
            if (faults.keyRevoked()) {
                return Response.error(403, "This API key has been revoked");
            }
            OptionalInt failure = faults.failure(match.route());
            if (failure.isPresent()) {
                return Response.error(failure.getAsInt(), "Simulated failure");
            }
            if (match.endpoint() == null) {
                return Response.error(404, "Not Found");
            }
            if (!match.endpoint().method().equals(exchange.getRequestMethod())) {
                return Response.error(405, "Method Not Allowed");
            }
            Request request = new Request(
                    match.pathId(),
                    match.file(),
                    query(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestBody().readAllBytes());
            return match.endpoint().handler().handle(request);
        } catch (HttpError e) {
            return Response.error(e.status(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.error(503, "The simulator is shutting down");
        } catch (IOException | RuntimeException e) {
            return Response.error(500, "Simulator error: " + e);
        }
    }

    private Match match(String path) {
        for (Endpoint endpoint : endpoints) {
            Matcher matcher = endpoint.path().matcher(path);
            if (matcher.matches()) {
                return new Match(
                        endpoint.route(),
                        endpoint,
                        matcher.groupCount() > 0 ? matcher.group(1) : null,
                        matcher.groupCount() > 1 ? matcher.group(2) : null);
            }
        }
        return new Match(Route.ANY, null, null, null);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.putIfAbsent(decode(name), decode(value));
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(response.status(), response.body().length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(response.body());
        }
    }

    /** Produces the response of one endpoint. */
    private interface Handler {
        Response handle(Request request);
    }

    /** A route's method and path template, where "{id}" and then "{file}" each stand for one path segment. */
    private record Endpoint(Route route, String method, Pattern path, Handler handler) {
        Endpoint(Route route, String method, String template, Handler handler) {
            this(
                    route,
                    method,
                    Pattern.compile(Pattern.quote(template)
                            .replace("{id}", "\\E([^/]+)\\Q")
                            .replace("{file}", "\\E([^/]+)\\Q")),
                    handler);
        }
    }

    /** The endpoint a path names, if any, and the id and file name in it. */
    private record Match(Route route, Endpoint endpoint, String pathId, String file) {}
}
