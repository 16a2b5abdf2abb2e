/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import io.vecsync.search.VectorSearcher;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What /healthz reports: the store, asked each time under its deadline, and the platform, asked at most once per
 * {@code health.platform.cache.ms} so that polling the service does not poll the platform.
 */
final class HealthCheck {

    private static final Logger log = LoggerFactory.getLogger(HealthCheck.class);

    private final VectorSearcher store;
    private final PlatformTextEmbedder platform;
    private final long platformCacheNanos;
    private final LongSupplier nanoClock;
    private boolean platformChecked;
    private boolean platformReachable;
    private long platformCheckedAt;

    /** @param store a searcher under a deadline, so the check answers within it */
    HealthCheck(VectorSearcher store, PlatformTextEmbedder platform, Duration platformCache) {
        this(store, platform, platformCache, System::nanoTime);
    }

    /** @param nanoClock when a platform check expires, in {@link System#nanoTime()}'s terms; tests move it */
    HealthCheck(VectorSearcher store, PlatformTextEmbedder platform, Duration platformCache, LongSupplier nanoClock) {
        this.store = store;
        this.platform = platform;
        this.platformCacheNanos = platformCache.toNanos();
        this.nanoClock = nanoClock;
    }

    /** What /healthz answers. */
    record Report(boolean healthy, Map<String, Object> body) {}

    Report check() {
        Map<String, Object> checks = new LinkedHashMap<>();
        String store = storeState();
        checks.put("store", store);
        boolean platformUp = platformReachable();
        checks.put("platform", platformUp ? "ok" : "unreachable");
        boolean healthy = store.equals("ok") && platformUp;
        checks.put("status", healthy ? "ok" : "degraded");
        return new Report(healthy, checks);
    }

    /** "ok", or what is wrong in the service's own words: the store's error text may name hosts and tables. */
    private String storeState() {
        try {
            store.checkReachable();
            return "ok";
        } catch (UnavailableException e) {
            return "unavailable: " + e.getMessage();
        } catch (RuntimeException e) {
            log.warn("the store's health check failed", e);
            return "failing (see the service's log)";
        }
    }

    /** Concurrent checks wait for one platform call rather than each making their own. */
    private synchronized boolean platformReachable() {
        long now = nanoClock.getAsLong();
        if (!platformChecked || now - platformCheckedAt >= platformCacheNanos) {
            platformReachable = platform.reachable();
            platformCheckedAt = now;
            platformChecked = true;
        }
        return platformReachable;
    }
}
