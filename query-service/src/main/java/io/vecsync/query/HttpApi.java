/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's HTTP surface: POST /v1/search, GET /v1/index (what the page opens with), GET /v1/media/... (the
 * platform's media, {@link MediaProxy}), GET /healthz, GET /metrics, and the search page at / with its player.
 */
final class HttpApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
    private static final String NODELAY = "sun.net.httpserver.nodelay";
    /** Requests served at once; the others wait in the server's accept queue. */
    static final int REQUEST_THREADS = 16;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SearchService search;
    private final HealthCheck health;
    private final ServiceMetrics metrics;
    private final RateLimiter rateLimiter;
    private final byte[] apiKey;
    private final List<String> corsOrigins;
    private final List<String> examples;
    private final Map<String, StaticFile> files;

    HttpApi(
            QueryServiceConfig config,
            SearchService search,
            HealthCheck health,
            ServiceMetrics metrics,
            MediaProxy media)
            throws IOException {
        this.search = search;
        this.health = health;
        this.metrics = metrics;
        this.rateLimiter = new RateLimiter(
                config.getDouble(QueryServiceConfig.HTTP_RATE_LIMIT),
                config.getInt(QueryServiceConfig.HTTP_RATE_BURST),
                System::nanoTime);
        this.apiKey =
                config.hasServiceApiKey() ? config.serviceApiKey().value().getBytes(StandardCharsets.UTF_8) : null;
        this.corsOrigins = config.corsOrigins();
        this.examples = config.exampleQueries();
        this.files = Map.of(
                "/", StaticFile.load("index.html", "text/html; charset=utf-8"),
                "/vendor/hls.min.js",
                        StaticFile.load("vendor/hls.js/dist/hls.min.js", "text/javascript; charset=utf-8"),
                "/vendor/hls.js-LICENSE", StaticFile.load("vendor/hls.js/LICENSE", "text/plain; charset=utf-8"));
        // The JDK server writes an answer's headers and body apart; with Nagle's algorithm on, a client's delayed ACK
        // then holds the body back for up to 40 ms. Read once, when the JVM's first server starts; a user's -D wins.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        server = listen(config);
        if (apiKey == null && !server.getAddress().getAddress().isLoopbackAddress()) {
            log.warn(
                    "listening on {} without {}: anyone who reaches the port can search and spend the platform's credits",
                    server.getAddress(),
                    QueryServiceConfig.HTTP_API_KEY);
        }
        executor = Executors.newFixedThreadPool(REQUEST_THREADS);
        server.setExecutor(executor);
        server.createContext("/v1/search", this::handleSearch);
        server.createContext("/v1/index", this::handleIndex);
        server.createContext(MediaLinks.ROUTE, media::handle);
        server.createContext("/healthz", this::handleHealth);
        server.createContext(
                "/metrics",
                exchange -> send(
                        exchange,
                        200,
                        "text/plain; version=0.0.4",
                        metrics.prometheus().getBytes(StandardCharsets.UTF_8)));
        server.createContext("/", exchange -> {
            StaticFile file = files.get(exchange.getRequestURI().getPath());
            if (file != null) {
                send(exchange, 200, file.contentType(), file.content());
            } else {
                sendJson(exchange, 404, Map.of("error", "not found"));
            }
        });
    }

    /** The server bound to the configured address, or an InvalidConfigException naming the port and the key that sets it. */
    private static HttpServer listen(QueryServiceConfig config) throws IOException {
        int port = config.getInt(QueryServiceConfig.HTTP_PORT);
        try {
            return HttpServer.create(new InetSocketAddress(config.listenHost(), port), 64);
        } catch (BindException e) {
            throw new InvalidConfigException(
                    "cannot listen on " + config.listenHost() + ":" + port + " (" + e.getMessage() + "): set "
                            + QueryServiceConfig.HTTP_PORT + " to a free port (0 picks one)"
                            + (config.getString(QueryServiceConfig.HTTP_HOST).isBlank()
                                    ? ""
                                    : " or " + QueryServiceConfig.HTTP_HOST + " to an address of this machine"));
        }
    }

    void start() {
        server.start();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    private void handleSearch(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        int status = 500;
        try {
            addCors(exchange);
            String method = exchange.getRequestMethod();
            if (method.equals("OPTIONS")) {
                status = 204;
                exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST, OPTIONS");
                exchange.getResponseHeaders()
                        .set("Access-Control-Allow-Headers", "Content-Type, X-API-Key, Authorization");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (!method.equals("POST")) {
                status = 405;
                sendJson(exchange, status, Map.of("error", "use POST"));
                return;
            }
            Optional<Duration> wait =
                    rateLimiter.acquire(exchange.getRemoteAddress().getAddress().getHostAddress());
            if (wait.isPresent()) {
                status = 429;
                exchange.getResponseHeaders()
                        .set("Retry-After", Long.toString(UnavailableException.wholeSeconds(wait.get())));
                sendJson(exchange, status, Map.of("error", "too many searches from this address; try again later"));
                return;
            }
            if (!authorized(exchange)) {
                status = 401;
                sendJson(
                        exchange,
                        status,
                        Map.of("error", "missing or wrong API key (X-API-Key or Authorization: Bearer)"));
                return;
            }
            Map<String, Object> response = search.search(readBody(exchange));
            status = 200;
            sendJson(exchange, status, response);
        } catch (BadRequestException e) {
            status = 400;
            sendJson(exchange, status, Map.of("error", e.getMessage(), "field", e.field()));
        } catch (UnavailableException e) {
            status = e.status();
            exchange.getResponseHeaders().set("Retry-After", Long.toString(e.retryAfterSeconds()));
            sendJson(exchange, status, Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            // The exception's text may name hosts, tables or queries: it goes to the log, not to the caller.
            log.error("search failed", e);
            status = 500;
            sendJson(exchange, status, Map.of("error", "search failed: internal error (see the service's log)"));
        } finally {
            metrics.searched(status, System.nanoTime() - start);
        }
    }

    /** How many segments the page searches, when the store tells, and the example queries it offers. */
    private void handleIndex(HttpExchange exchange) throws IOException {
        OptionalLong segments = search.segmentCount();
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("segments", segments.isPresent() ? segments.getAsLong() : null);
        index.put("examples", examples);
        sendJson(exchange, 200, index);
    }

    private void handleHealth(HttpExchange exchange) throws IOException {
        HealthCheck.Report report = health.check();
        sendJson(exchange, report.healthy() ? 200 : 503, report.body());
    }

    private JsonNode readBody(HttpExchange exchange) {
        try (InputStream body = exchange.getRequestBody()) {
            return Json.MAPPER.readTree(body.readNBytes(1 << 20));
        } catch (JsonProcessingException e) {
            throw new BadRequestException("body", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequestException("body", "could not be read");
        }
    }

    private boolean authorized(HttpExchange exchange) {
        if (apiKey == null) {
            return true;
        }
        String given = exchange.getRequestHeaders().getFirst("X-API-Key");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (given == null && authorization != null && authorization.startsWith("Bearer ")) {
            given = authorization.substring("Bearer ".length()).trim();
        }
        // Constant-time comparison, so response timing says nothing about the key.
        return given != null && MessageDigest.isEqual(apiKey, given.getBytes(StandardCharsets.UTF_8));
    }

    private void addCors(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && (corsOrigins.contains("*") || corsOrigins.contains(origin))) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", corsOrigins.contains("*") ? "*" : origin);
            exchange.getResponseHeaders().set("Vary", "Origin");
        }
    }

    static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", Json.MAPPER.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** A file of the page, read from the jar once. */
    private record StaticFile(byte[] content, String contentType) {

        static StaticFile load(String name, String contentType) throws IOException {
            try (InputStream in = HttpApi.class.getResourceAsStream("/static/" + name)) {
                if (in == null) {
                    throw new IOException(
                            "static/" + name + " is missing from the classpath: build the query service with Maven,"
                                    + " which installs the page's player");
                }
                return new StaticFile(in.readAllBytes(), contentType);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
