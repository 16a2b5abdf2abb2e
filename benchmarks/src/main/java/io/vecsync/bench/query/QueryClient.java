/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vecsync.bench.common.Stopwatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** A caller of the query service's {@code POST /v1/search}: request bodies, timed runs at a concurrency, and hit ids. */
final class QueryClient implements AutoCloseable {

    static final int TOP_K = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SEARCH = "/v1/search";

    private final int port;
    /** Each caller thread's own keep-alive connection. */
    private final ThreadLocal<KeepAliveConnection> connection;

    private final List<KeepAliveConnection> opened = new CopyOnWriteArrayList<>();

    QueryClient(int port) {
        this.port = port;
        this.connection = ThreadLocal.withInitial(this::connect);
    }

    private KeepAliveConnection connect() {
        try {
            KeepAliveConnection opening = new KeepAliveConnection(port);
            opened.add(opening);
            return opening;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"vector": [...], "top_k": 10}}, serialised before any timing, as a caller holding the vector would send it. */
    static byte[] vectorBody(float[] vector) {
        return body("vector", vector);
    }

    /** {@code {"query": "...", "top_k": 10}}: the service embeds the text through the platform. */
    static byte[] textBody(String text) {
        return body("query", text);
    }

    private static byte[] body(String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(field, value);
        body.put("top_k", TOP_K);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends every body once from {@code concurrency} threads, each timing its own requests from send to the whole answer. */
    QueryLatencies run(List<byte[]> bodies, int concurrency) throws Exception {
        long[] nanos = new long[bodies.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        try {
            Stopwatch wall = Stopwatch.start();
            List<Future<Void>> running = new ArrayList<>();
            for (int caller = 0; caller < concurrency; caller++) {
                running.add(callers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        search(bodies.get(i));
                        nanos[i] = System.nanoTime() - start;
                    }
                    return null;
                }));
            }
            for (Future<Void> caller : running) {
                caller.get();
            }
            return QueryLatencies.of(nanos, wall.seconds());
        } finally {
            callers.shutdownNow();
        }
    }

    /** The segment ids of the hits, best first. */
    List<String> hitIds(byte[] body) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : JSON.readTree(search(body)).path("hits")) {
            ids.add(hit.path("segment_id").asText());
        }
        return ids;
    }

    private byte[] search(byte[] body) throws IOException {
        KeepAliveConnection.Answer answer = connection.get().post(SEARCH, body);
        if (answer.status() != 200) {
            throw new IllegalStateException("POST " + SEARCH + " answered " + answer.status() + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
        }
        return answer.body();
    }

    @Override
    public void close() throws IOException {
        for (KeepAliveConnection open : opened) {
            open.close();
        }
    }
}
