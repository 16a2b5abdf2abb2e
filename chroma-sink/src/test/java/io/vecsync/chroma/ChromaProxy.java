/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of the real Chroma that a test makes misbehave as a server or network can: answer an error
 * status, answer late, want a token, refuse a request for its content, or announce other limits. Endpoints are named by
 * the last segment of their path ({@code upsert}, {@code delete}, {@code pre-flight-checks}, a collection's name...);
 * it counts the calls to each and keeps the bodies sent to it.
 */
final class ChromaProxy implements AutoCloseable {

    private static final String TOKEN_HEADER = "x-chroma-token";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String upstream;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, List<byte[]>> bodies = new ConcurrentHashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private volatile String token;
    private volatile String refused;
    private volatile String announced;

    /** A fault for the next {@code times} calls to an endpoint: an error status, or a delay before the call goes on. */
    private record Fault(String endpoint, AtomicInteger times, int status, Duration delay) {}

    private ChromaProxy(HttpServer server, String upstream) {
        this.server = server;
        this.upstream = upstream;
    }

    static ChromaProxy start(String upstream) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ChromaProxy proxy = new ChromaProxy(server, upstream);
            server.createContext("/", proxy::handle);
            server.setExecutor(proxy.executor);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next calls to the endpoint are answered this status, with a body as Chroma writes its errors. */
    void fail(String endpoint, int times, int status) {
        faults.add(new Fault(endpoint, new AtomicInteger(times), status, Duration.ZERO));
    }

    /** The next calls to the endpoint wait this long before they go on to Chroma. */
    void delay(String endpoint, int times, Duration delay) {
        faults.add(new Fault(endpoint, new AtomicInteger(times), 0, delay));
    }

    /** Every request without this token in x-chroma-token is answered 401, as Chroma with token authentication does. */
    void requireToken(String token) {
        this.token = token;
    }

    /** Every request whose body holds the text is refused whole, as Chroma refuses a request for one record in it. */
    void refuseBodiesContaining(String text) {
        this.refused = text;
    }

    /** The pre-flight checks answer these limits instead of Chroma's own. */
    void announce(int maxBatchSize, boolean base64) {
        this.announced = "{\"max_batch_size\":" + maxBatchSize + ",\"supports_base64_encoding\":" + base64 + "}";
    }

    int calls(String endpoint) {
        return calls.getOrDefault(endpoint, new AtomicInteger()).get();
    }

    /** The bodies sent to the endpoint, in order. */
    List<String> bodies(String endpoint) {
        return bodies.getOrDefault(endpoint, List.of()).stream()
                .map(body -> new String(body, StandardCharsets.UTF_8))
                .toList();
    }

    /** Back to passing everything on as it is. */
    void reset() {
        faults.clear();
        calls.clear();
        bodies.clear();
        token = null;
        refused = null;
        announced = null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String endpoint = path.substring(path.lastIndexOf('/') + 1);
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.computeIfAbsent(endpoint, key -> new AtomicInteger()).incrementAndGet();
            bodies.computeIfAbsent(endpoint, key -> new CopyOnWriteArrayList<>())
                    .add(body);
            String wanted = token;
            if (wanted != null && !wanted.equals(exchange.getRequestHeaders().getFirst(TOKEN_HEADER))) {
                respond(exchange, 401, "{\"error\":\"AuthError\",\"message\":\"Unauthorized\"}");
                return;
            }
            Fault fault = nextFault(endpoint);
            if (fault != null && fault.status() > 0) {
                respond(
                        exchange,
                        fault.status(),
                        "{\"error\":\"InjectedError\",\"message\":\"injected by the test's proxy\"}");
                return;
            }
            if (fault != null) {
                Thread.sleep(fault.delay().toMillis());
            }
            String refusedText = refused;
            if (refusedText != null && new String(body, StandardCharsets.UTF_8).contains(refusedText)) {
                respond(
                        exchange,
                        400,
                        "{\"error\":\"InvalidArgumentError\",\"message\":\"Validation error: metadatas: Invalid metadata\"}");
                return;
            }
            String limits = announced;
            if (limits != null && endpoint.equals("pre-flight-checks")) {
                respond(exchange, 200, limits);
                return;
            }
            forward(exchange, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Fault nextFault(String endpoint) {
        for (Fault fault : faults) {
            if (fault.endpoint().equals(endpoint) && fault.times().getAndDecrement() > 0) {
                return fault;
            }
        }
        return null;
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        exchange.getResponseHeaders()
                .set(
                        "Content-Type",
                        response.headers().firstValue("Content-Type").orElse("application/json"));
        exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
        exchange.getResponseBody().write(response.body());
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
