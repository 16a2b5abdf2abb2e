/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.platform.PlatformClient;
import io.vecsync.platform.PlatformListener;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /healthz's report: the store asked each time, the platform at most once per cache period, no store error text. */
class HealthCheckTest {

    private static final Duration CACHE = Duration.ofSeconds(60);

    private final FakePlatform platform;
    private final PlatformTextEmbedder embedder;
    private final StubStore store = new StubStore();
    private final AtomicLong clock = new AtomicLong();
    private final HealthCheck health;

    HealthCheckTest() throws IOException {
        platform = new FakePlatform();
        QueryServiceConfig config = new QueryServiceConfig(platform.serviceProps(Map.of()));
        embedder = new PlatformTextEmbedder(
                config, new PlatformClient(config.platformSettings(), PlatformListener.NONE), new ServiceMetrics());
        health = new HealthCheck(store, embedder, CACHE, clock::get);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void thePlatformIsAskedOncePerCachePeriod() {
        for (int i = 0; i < 5; i++) {
            assertTrue(health.check().healthy());
        }
        assertEquals(1, platform.listCalls.get());
        assertEquals(5, store.calls.get(), "the store is asked every time");

        platform.status = 500;
        clock.addAndGet(CACHE.toNanos() - 1);
        assertTrue(health.check().healthy(), "the last platform check still holds");
        clock.addAndGet(1);
        HealthCheck.Report down = health.check();
        assertFalse(down.healthy());
        assertEquals(Map.of("store", "ok", "platform", "unreachable", "status", "degraded"), down.body());
        assertEquals(2, platform.listCalls.get());
    }

    @Test
    void aFailingStoreIsDegradedWithoutItsErrorText() {
        store.fail(new IllegalStateException("jdbc:postgresql://db.internal:5432/video: relation missing"));
        HealthCheck.Report report = health.check();
        assertFalse(report.healthy());
        assertEquals("degraded", report.body().get("status"));
        assertFalse(
                report.body().toString().contains("db.internal"), report.body().toString());
    }
}
