/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vecsync.search.StoreUnavailableException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP API over a scripted store and a local platform: where it listens, what it refuses and what its errors say. */
class HttpApiTest {

    private static final String VECTOR_SEARCH = "{\"vector\": [0.6, 0.8]}";

    private final FakePlatform platform;
    private final StubStore store = new StubStore();
    private final List<QueryService> services = new ArrayList<>();

    HttpApiTest() throws IOException {
        platform = new FakePlatform();
    }

    @AfterEach
    void stop() {
        services.forEach(QueryService::close);
        platform.close();
    }

    private QueryService start(Map<String, String> overrides) throws IOException {
        Map<String, String> props = platform.serviceProps(Map.of(QueryServiceConfig.HTTP_PORT, "0"));
        props.putAll(overrides);
        QueryServiceConfig config = new QueryServiceConfig(props);
        ServiceMetrics metrics = new ServiceMetrics();
        QueryService service =
                QueryService.start(config, new GuardedSearcher(store, config.storeTimeout(), metrics), metrics);
        services.add(service);
        return service;
    }

    @Test
    void withoutAKeyItListensOnLoopbackOnlyAndWithOneEverywhere() throws Exception {
        assertTrue(start(Map.of()).address().getAddress().isLoopbackAddress());
        assertTrue(start(Map.of(QueryServiceConfig.HTTP_API_KEY, "svc-key"))
                .address()
                .getAddress()
                .isAnyLocalAddress());
        assertTrue(
                start(Map.of(QueryServiceConfig.HTTP_HOST, "0.0.0.0"))
                        .address()
                        .getAddress()
                        .isAnyLocalAddress(),
                "an address set on purpose is used as it is");
    }

    @Test
    void aClientPastItsRateIsA429WithRetryAfter() throws Exception {
        QueryService service =
                start(Map.of(QueryServiceConfig.HTTP_RATE_LIMIT, "0.5", QueryServiceConfig.HTTP_RATE_BURST, "2"));
        assertEquals(200, ServiceClient.post(service, VECTOR_SEARCH, Map.of()).statusCode());
        assertEquals(200, ServiceClient.post(service, VECTOR_SEARCH, Map.of()).statusCode());
        HttpResponse<String> limited = ServiceClient.post(service, VECTOR_SEARCH, Map.of());
        assertEquals(429, limited.statusCode(), limited.body());
        long retryAfter =
                Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
        assertEquals(200, ServiceClient.get(service, "/healthz").statusCode(), "only searches are limited");
    }

    @Test
    void pageLoadsReuseTheStoresCountInsteadOfAskingForEachOne() throws Exception {
        QueryService service = start(Map.of());
        for (int load = 0; load < 5; load++) {
            HttpResponse<String> index = ServiceClient.get(service, "/v1/index");
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("\"segments\":1000"), index.body());
        }
        assertEquals(1, store.counts.get(), "one count for every load within " + SearchService.COUNT_TTL);
    }

    @Test
    void aFailureIsA500WithoutItsText() throws Exception {
        store.fail(new IllegalStateException("jdbc:postgresql://db.internal:5432/video?password=hunter2 broke"));
        HttpResponse<String> failed = ServiceClient.post(start(Map.of()), VECTOR_SEARCH, Map.of());
        assertEquals(500, failed.statusCode());
        assertFalse(failed.body().contains("db.internal") || failed.body().contains("hunter2"), failed.body());
    }

    @Test
    void aVectorElementPastFloatsRangeIsA400NamingVector() throws Exception {
        HttpResponse<String> overflow = ServiceClient.post(start(Map.of()), "{\"vector\": [1e39, 0.8]}", Map.of());
        assertEquals(400, overflow.statusCode(), overflow.body());
        assertEquals(
                "vector", Json.MAPPER.readTree(overflow.body()).get("field").asText());
        assertEquals(0, store.calls.get(), "the store is not asked");
    }

    @Test
    void anUnavailableStoreIsA503WithRetryAfterInTheServicesWords() throws Exception {
        store.fail(new StoreUnavailableException("connecting to db.internal:5432 failed (SQLSTATE 08001)"));
        HttpResponse<String> search = ServiceClient.post(start(Map.of()), VECTOR_SEARCH, Map.of());
        assertEquals(503, search.statusCode(), search.body());
        assertEquals(
                Long.toString(GuardedSearcher.COOLDOWN.toSeconds()),
                search.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(
                "the store is unavailable",
                Json.MAPPER.readTree(search.body()).get("error").asText());
    }

    @Test
    void aStoreThatStopsAnsweringIsA503WithRetryAfterAndADegradedHealthCheck() throws Exception {
        QueryService service = start(Map.of(QueryServiceConfig.STORE_TIMEOUT_MS, "200"));
        store.hang();
        HttpResponse<String> search = ServiceClient.post(service, VECTOR_SEARCH, Map.of());
        assertEquals(503, search.statusCode(), search.body());
        assertEquals(
                Long.toString(GuardedSearcher.COOLDOWN.toSeconds()),
                search.headers().firstValue("Retry-After").orElseThrow());
        HttpResponse<String> health = ServiceClient.get(service, "/healthz");
        assertEquals(503, health.statusCode());
        JsonNode report = Json.MAPPER.readTree(health.body());
        assertEquals("degraded", report.get("status").asText());
        assertEquals("ok", report.get("platform").asText());
    }
}
