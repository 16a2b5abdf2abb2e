/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vecsync.pgvector.PgVectorSinkConfig;
import io.vecsync.pgvector.PgVectorSinkConnector;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.FaultProxy;
import io.vecsync.testing.PostgresServer;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The query service over a real pgvector table reached through a fault proxy: a store that stops answering (a
 * half-open network) is a 503 with Retry-After within store.timeout.ms and a degraded health check answered as
 * promptly, no request thread stays blocked, and searches work again by themselves once the network is back.
 */
@Tag("slow")
class StoreOutageIT {

    private static final String TABLE = "outage_segments";
    private static final long STORE_TIMEOUT_MS = 1_000;
    /** Generous room over the deadline for a loaded 2-core machine; the point is an answer, not a hang. */
    private static final long MARGIN_MS = 2_000;
    /** Twice the service's request threads: all of them answered shows that none stays blocked. */
    private static final int CONCURRENT = 32;

    private static final Pattern JDBC_HOST_PORT = Pattern.compile("jdbc:postgresql://([^/:?]+):(\\d+)(.*)");

    @Test
    void aBlackholedStoreIsAPrompt503AndSearchesWorkAgainOnceItIsBack() throws Exception {
        assumeTrue(FaultProxy.available(), "Toxiproxy's server is not built (bin/toxiproxy-provision)");
        Matcher url = JDBC_HOST_PORT.matcher(PostgresServer.jdbcUrl());
        assertTrue(url.matches(), PostgresServer.jdbcUrl());
        try (PlatformSimulator simulator =
                        PlatformSimulator.builder().seed(71).videos(3).build().start();
                FaultProxy proxy = FaultProxy.start("query-service-pg", url.group(1), Integer.parseInt(url.group(2)))) {
            try (Connection db = DriverManager.getConnection(PostgresServer.jdbcUrl());
                    Statement statement = db.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + TABLE);
            }
            SimulatorSegments.write(
                    new PgVectorSinkConnector(),
                    Map.of(PgVectorSinkConfig.URL, PostgresServer.jdbcUrl(), PgVectorSinkConfig.TABLE, TABLE),
                    SimulatorSegments.records(simulator));
            String proxied = "jdbc:postgresql://" + proxy.host() + ":" + proxy.port() + url.group(3);
            String search = Json.MAPPER.writeValueAsString(
                    Map.of("vector", simulator.liveSegments().get(0).embedding(), "top_k", 3));
            try (QueryService service = QueryService.start(Map.of(
                    QueryServiceConfig.STORE,
                    "pgvector",
                    PgVectorSinkConfig.URL,
                    proxied,
                    PgVectorSinkConfig.TABLE,
                    TABLE,
                    QueryServiceConfig.PLATFORM_BASE_URL,
                    simulator.baseUrl(),
                    QueryServiceConfig.PLATFORM_API_KEY,
                    simulator.apiKey(),
                    QueryServiceConfig.STORE_TIMEOUT_MS,
                    Long.toString(STORE_TIMEOUT_MS),
                    QueryServiceConfig.HTTP_PORT,
                    "0",
                    QueryServiceConfig.HTTP_RATE_LIMIT,
                    "0"))) {
                assertEquals(200, ServiceClient.post(service, search, Map.of()).statusCode());

                proxy.blackhole();
                long start = System.nanoTime();
                HttpResponse<String> dead = ServiceClient.post(service, search, Map.of());
                long to503 = millisSince(start);
                System.out.printf("store blackholed: 503 after %d ms (store.timeout.ms %d)%n", to503, STORE_TIMEOUT_MS);
                assertEquals(503, dead.statusCode(), dead.body());
                assertTrue(dead.headers().firstValue("Retry-After").isPresent());
                assertTrue(to503 < STORE_TIMEOUT_MS + MARGIN_MS, to503 + " ms");

                start = System.nanoTime();
                List<HttpResponse<String>> burst = concurrentSearches(service, search);
                long burstMs = millisSince(start);
                System.out.printf("store blackholed: %d concurrent searches answered in %d ms%n", CONCURRENT, burstMs);
                burst.forEach(response -> assertEquals(503, response.statusCode(), response.body()));
                assertTrue(burstMs < 2 * STORE_TIMEOUT_MS + MARGIN_MS, burstMs + " ms");

                start = System.nanoTime();
                HttpResponse<String> health = ServiceClient.get(service, "/healthz");
                long healthMs = millisSince(start);
                System.out.printf(
                        "store blackholed: /healthz answered %d in %d ms: %s%n",
                        health.statusCode(), healthMs, health.body());
                assertEquals(503, health.statusCode());
                JsonNode report = Json.MAPPER.readTree(health.body());
                assertEquals("degraded", report.get("status").asText());
                assertTrue(report.get("store").asText().startsWith("unavailable"), health.body());
                assertTrue(healthMs < STORE_TIMEOUT_MS + MARGIN_MS, healthMs + " ms");

                proxy.heal();
                long healed = System.nanoTime();
                Eventually.await(
                        Duration.ofSeconds(30),
                        "a search answered after the network is back",
                        () -> ServiceClient.statusOf(() -> ServiceClient.post(service, search, Map.of())) == 200);
                System.out.printf("network back: searches answered again after %d ms%n", millisSince(healed));
                concurrentSearches(service, search)
                        .forEach(response -> assertEquals(200, response.statusCode(), response.body()));
                Eventually.await(
                        Duration.ofSeconds(30),
                        "/healthz ok again",
                        () -> ServiceClient.statusOf(() -> ServiceClient.get(service, "/healthz")) == 200);
            }
        }
    }

    private static List<HttpResponse<String>> concurrentSearches(QueryService service, String body) {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            responses.add(ServiceClient.postAsync(service, body, Map.of()));
        }
        return responses.stream().map(CompletableFuture::join).toList();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
