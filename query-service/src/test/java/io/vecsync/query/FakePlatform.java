/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A local platform whose text embeddings ([0.6, 0.8]) and listing answer as a test says: a status, a delay, or held until released. */
final class FakePlatform implements AutoCloseable {

    static final String API_KEY = "sk-query";
    private static final String EMBEDDING = "{\"status\":\"ready\",\"data\":[{\"embedding\":[0.6,0.8]}]}";

    final AtomicInteger embeddingCalls = new AtomicInteger();
    final AtomicInteger listCalls = new AtomicInteger();
    volatile int status = 200;
    volatile String retryAfter;
    volatile long delayMs;
    private volatile CountDownLatch held = new CountDownLatch(0);
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    FakePlatform() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/api/chat/v1/developer/embeddings/text", this::embed);
        server.createContext("/api/backend/v1/developer/videos/list", exchange -> {
            listCalls.incrementAndGet();
            send(exchange, status, "[]");
        });
        server.start();
    }

    /**
     * The service's settings for this platform and a 2-dimensional store, with the overrides; a platform deadline that a
     * busy test machine never misses, unless a test overrides it.
     */
    Map<String, String> serviceProps(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of(
                QueryServiceConfig.STORE,
                "pgvector",
                QueryServiceConfig.PLATFORM_BASE_URL,
                "http://127.0.0.1:" + server.getAddress().getPort(),
                QueryServiceConfig.PLATFORM_API_KEY,
                API_KEY,
                QueryServiceConfig.PLATFORM_TIMEOUT_MS,
                "10000",
                QueryServiceConfig.DIMENSION,
                "2"));
        props.putAll(overrides);
        return props;
    }

    /** Embedding calls wait from now until {@link #release()}. */
    void hold() {
        held = new CountDownLatch(1);
    }

    void release() {
        held.countDown();
    }

    private void embed(HttpExchange exchange) throws IOException {
        embeddingCalls.incrementAndGet();
        try {
            Thread.sleep(delayMs);
            held.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        send(exchange, status, status == 200 ? EMBEDDING : "{\"detail\":\"no\"}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
