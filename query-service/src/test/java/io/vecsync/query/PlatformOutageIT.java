/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vecsync.lucene.LuceneSinkConfig;
import io.vecsync.lucene.LuceneSinkConnector;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.FaultProxy;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The query service with the platform behind a fault proxy that blackholes it (a half-open network): text searches
 * are a 503 with Retry-After within platform.timeout.ms, vector searches still answer from the store, /healthz says
 * degraded as promptly, media requests are a 504, and everything works again by itself once the network is back.
 */
@Tag("slow")
class PlatformOutageIT {

    private static final long PLATFORM_TIMEOUT_MS = 1_000;
    /** Generous room over the deadline for a loaded 2-core machine; the point is an answer, not a hang. */
    private static final long MARGIN_MS = 2_000;

    /** Distinct texts, so that no answer comes from the embedding cache. */
    private final AtomicInteger queries = new AtomicInteger();

    @Test
    void aBlackholedPlatformIsAPrompt503ForTextWhileVectorsStillAnswerAndAllRecoversOnceItIsBack() throws Exception {
        assumeTrue(FaultProxy.available(), "Toxiproxy's server is not built (bin/toxiproxy-provision)");
        try (PlatformSimulator simulator =
                        PlatformSimulator.builder().seed(73).videos(3).build().start();
                FaultProxy proxy = proxyTo(simulator)) {
            String platform = "http://" + proxy.host() + ":" + proxy.port();
            Path index = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "platform-outage-index")
                    .toAbsolutePath();
            Map<String, String> lucene = Map.of(LuceneSinkConfig.DIRECTORY, index.toString());
            SimulatorSegments.write(new LuceneSinkConnector(), lucene, SimulatorSegments.records(simulator, platform));
            Map<String, String> props = new HashMap<>(lucene);
            props.put(QueryServiceConfig.STORE, "lucene");
            props.put(QueryServiceConfig.PLATFORM_BASE_URL, platform);
            props.put(QueryServiceConfig.PLATFORM_API_KEY, simulator.apiKey());
            props.put(QueryServiceConfig.PLATFORM_TIMEOUT_MS, Long.toString(PLATFORM_TIMEOUT_MS));
            props.put(QueryServiceConfig.HEALTH_PLATFORM_CACHE_MS, "0");
            props.put(QueryServiceConfig.HTTP_PORT, "0");
            props.put(QueryServiceConfig.HTTP_RATE_LIMIT, "0");
            String vector = Json.MAPPER.writeValueAsString(
                    Map.of("vector", simulator.liveSegments().get(0).embedding(), "top_k", 3));
            try (QueryService service = QueryService.start(props)) {
                HttpResponse<String> before = textSearch(service);
                assertEquals(200, before.statusCode(), before.body());
                String playlist = Json.MAPPER
                        .readTree(before.body())
                        .get("hits")
                        .get(0)
                        .get("playable_url")
                        .asText()
                        .split("#")[0];
                assertEquals(200, ServiceClient.get(service, playlist).statusCode(), "the playlist, proxied");
                assertEquals(200, ServiceClient.get(service, "/healthz").statusCode());

                proxy.blackhole();
                long start = System.nanoTime();
                HttpResponse<String> text = textSearch(service);
                long to503 = millisSince(start);
                assertEquals(503, text.statusCode(), text.body());
                assertTrue(text.headers().firstValue("Retry-After").isPresent());

                HttpResponse<String> byVector = ServiceClient.post(service, vector, Map.of());
                assertEquals(200, byVector.statusCode(), "the store still answers: " + byVector.body());
                assertEquals(
                        3, Json.MAPPER.readTree(byVector.body()).get("hits").size());

                start = System.nanoTime();
                HttpResponse<String> health = ServiceClient.get(service, "/healthz");
                long healthMs = millisSince(start);
                assertEquals(503, health.statusCode(), health.body());
                JsonNode report = Json.MAPPER.readTree(health.body());
                assertEquals("degraded", report.get("status").asText());
                assertEquals("unreachable", report.get("platform").asText());
                assertEquals("ok", report.get("store").asText());

                start = System.nanoTime();
                HttpResponse<String> media = ServiceClient.get(service, playlist);
                long mediaMs = millisSince(start);
                assertTrue(media.statusCode() == 504 || media.statusCode() == 503, media.statusCode() + media.body());
                assertTrue(media.headers().firstValue("Retry-After").isPresent());

                proxy.heal();
                long healed = System.nanoTime();
                Eventually.await(
                        Duration.ofSeconds(30),
                        "a text search answered after the network is back",
                        () -> ServiceClient.statusOf(() -> textSearch(service)) == 200);
                long recoverMs = millisSince(healed);
                System.out.printf(
                        "platform blackholed (platform.timeout.ms %d): text search 503 after %d ms, /healthz degraded"
                                + " in %d ms, media %d in %d ms; network back: text searches answered again after %d ms%n",
                        PLATFORM_TIMEOUT_MS, to503, healthMs, media.statusCode(), mediaMs, recoverMs);
                assertTrue(to503 < PLATFORM_TIMEOUT_MS + MARGIN_MS, to503 + " ms");
                assertTrue(healthMs < PLATFORM_TIMEOUT_MS + MARGIN_MS, healthMs + " ms");
                assertTrue(mediaMs < PLATFORM_TIMEOUT_MS + MARGIN_MS, mediaMs + " ms");
                assertEquals(200, ServiceClient.get(service, playlist).statusCode(), "media again");
                Eventually.await(
                        Duration.ofSeconds(30),
                        "/healthz ok again",
                        () -> ServiceClient.statusOf(() -> ServiceClient.get(service, "/healthz")) == 200);
            }
        }
    }

    private static FaultProxy proxyTo(PlatformSimulator simulator) {
        URI platform = URI.create(simulator.baseUrl());
        return FaultProxy.start("query-service-platform", platform.getHost(), platform.getPort());
    }

    private HttpResponse<String> textSearch(QueryService service) throws Exception {
        String body = Json.MAPPER.writeValueAsString(
                Map.of("query", "a man at the door, asked " + queries.incrementAndGet() + " times", "top_k", 3));
        return ServiceClient.post(service, body, Map.of());
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
