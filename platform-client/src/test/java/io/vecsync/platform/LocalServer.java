/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A tiny HTTP server for tests: scripted answers per path (the last one repeats), and every request it saw. */
final class LocalServer implements AutoCloseable {

    /** Answers one request. */
    interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    /** A request as the server saw it. */
    record Seen(String method, String pathAndQuery, String apiKey, String body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    private final List<Seen> seen = new ArrayList<>();

    private LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static LocalServer start() {
        try {
            return new LocalServer();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a local server", e);
        }
    }

    /** Answers requests to {@code path} with these, in order; the last one answers every later request. */
    synchronized LocalServer on(String path, Answer... script) {
        answers.put(path, new ArrayDeque<>(List.of(script)));
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer answer;
        synchronized (this) {
            seen.add(new Seen(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("X-API-Key"),
                    body));
            Deque<Answer> script = answers.get(exchange.getRequestURI().getPath());
            answer = script == null
                    ? json(404, "{\"detail\":\"Not Found\"}")
                    : script.size() > 1 ? script.poll() : script.peek();
        }
        try {
            answer.answer(exchange);
        } finally {
            exchange.close();
        }
    }

    static Answer json(int status, String body) {
        return json(status, body, Map.of());
    }

    static Answer json(int status, String body, Map<String, String> headers) {
        return exchange -> {
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    static Answer redirect(int status, String location) {
        return json(status, "", Map.of("Location", location));
    }

    /** Answers after a delay. */
    static Answer slow(Duration delay, Answer answer) {
        return exchange -> {
            sleep(delay);
            answer.answer(exchange);
        };
    }

    /** A 200 whose body never ends: a kilobyte every few milliseconds until the client hangs up. */
    static Answer endless() {
        return exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "[".repeat(1024).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                    out.flush();
                    sleep(Duration.ofMillis(2));
                }
            } catch (IOException clientHungUp) {
                // what the test wants
            }
        };
    }

    /** Hangs up halfway through the body. (Hanging up before the headers, the JDK client retries a GET by itself.) */
    static Answer hangUp() {
        return exchange -> {
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write("{\"data\":".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
        };
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
