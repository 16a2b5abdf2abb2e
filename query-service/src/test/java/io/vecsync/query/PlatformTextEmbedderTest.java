/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.platform.PlatformClient;
import io.vecsync.platform.PlatformListener;
import io.vecsync.testing.Eventually;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedder against a local platform that answers as told: the cache, shared calls, and what each failure becomes for the caller. */
class PlatformTextEmbedderTest {

    private final FakePlatform platform;
    private final ServiceMetrics metrics = new ServiceMetrics();
    private final PlatformTextEmbedder embedder;

    PlatformTextEmbedderTest() throws IOException {
        platform = new FakePlatform();
        embedder = embedder(Map.of());
    }

    private PlatformTextEmbedder embedder(Map<String, String> overrides) {
        QueryServiceConfig config = new QueryServiceConfig(platform.serviceProps(overrides));
        return new PlatformTextEmbedder(
                config, new PlatformClient(config.platformSettings(), PlatformListener.NONE), metrics);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void aRepeatedQueryIsEmbeddedOnce() {
        assertArrayEquals(new float[] {0.6f, 0.8f}, embedder.embed("door"));
        assertArrayEquals(new float[] {0.6f, 0.8f}, embedder.embed("door"));
        assertEquals(1, platform.embeddingCalls.get());
    }

    /** Five requests with one new text while the first is still at the platform: one call, one credit, five answers. */
    @Test
    void identicalQueriesInFlightAreEmbeddedOnce() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(5);
        PlatformTextEmbedder patient = embedder(
                Map.of(QueryServiceConfig.PLATFORM_TIMEOUT_MS, "60000", QueryServiceConfig.EMBEDDING_CACHE_SIZE, "0"));
        try {
            platform.hold();
            List<Thread> threads = new ArrayList<>();
            List<Future<float[]>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(callers.submit(() -> {
                    synchronized (threads) {
                        threads.add(Thread.currentThread());
                    }
                    return patient.embed("a forklift at the door");
                }));
            }
            // Every caller is parked, at the platform or on the call under way, before the platform answers.
            Eventually.await(Duration.ofSeconds(30), "five callers waiting", () -> {
                synchronized (threads) {
                    return threads.size() == 5
                            && threads.stream()
                                    .allMatch(t -> t.getState() == Thread.State.WAITING
                                            || t.getState() == Thread.State.TIMED_WAITING);
                }
            });
            platform.release();
            for (Future<float[]> answer : answers) {
                assertArrayEquals(new float[] {0.6f, 0.8f}, answer.get());
            }
            assertEquals(1, platform.embeddingCalls.get());
            assertTrue(metrics.prometheus().contains("vecsync_embedding_shared_total 4"), metrics.prometheus());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailingPlatformIsA502AndABusyOrSlowOneA503WithoutRetrying() {
        platform.status = 503;
        UnavailableException down = assertThrows(UnavailableException.class, () -> embedder.embed("one"));
        assertEquals(502, down.status());
        assertEquals(1, platform.embeddingCalls.get(), "a search does not wait for retries");

        platform.status = 429;
        platform.retryAfter = "2";
        UnavailableException limited = assertThrows(UnavailableException.class, () -> embedder.embed("two"));
        assertEquals(503, limited.status());
        assertEquals(2, limited.retryAfterSeconds());

        platform.status = 200;
        platform.delayMs = 1_000;
        PlatformTextEmbedder impatient = embedder(Map.of(QueryServiceConfig.PLATFORM_TIMEOUT_MS, "300"));
        UnavailableException slow = assertThrows(UnavailableException.class, () -> impatient.embed("three"));
        assertEquals(503, slow.status());
        assertTrue(slow.getMessage().contains("within 300 ms"), slow.getMessage());
    }

    @Test
    void aRejectedKeyNamesItsSettingAndARefusedTextIsTheCallersMistake() {
        platform.status = 401;
        UnavailableException key = assertThrows(UnavailableException.class, () -> embedder.embed("one"));
        assertEquals(502, key.status());
        assertTrue(
                key.getMessage().contains(QueryServiceConfig.PLATFORM_API_KEY)
                        && !key.getMessage().contains(FakePlatform.API_KEY),
                key.getMessage());

        platform.status = 422;
        assertEquals(
                "query",
                assertThrows(BadRequestException.class, () -> embedder.embed("two"))
                        .field());
    }

    @Test
    void theHealthCheckListsOneVideo() {
        assertTrue(embedder.reachable());
        platform.status = 500;
        assertFalse(embedder.reachable());
    }
}
