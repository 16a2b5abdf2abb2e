/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counts answered requests per route and per video, and the credits the metered routes cost. */
final class Meter {

    private final Map<Route, AtomicInteger> requests = new EnumMap<>(Route.class);
    private final Map<Route, AtomicInteger> withApiKeyHeader = new EnumMap<>(Route.class);
    private final Map<String, AtomicInteger> embeddingsByVideo = new ConcurrentHashMap<>();
    private final AtomicLong credits = new AtomicLong();
    private final AtomicInteger wholeListingPages = new AtomicInteger();

    Meter() {
        for (Route route : Route.values()) {
            requests.put(route, new AtomicInteger());
            withApiKeyHeader.put(route, new AtomicInteger());
        }
    }

    /**
     * Records one answered request.
     *
     * @param route   the matched route, ANY for an unknown path
     * @param videoId the video named in the path, or null
     * @param apiKeyHeader whether the request carried an X-API-Key header, whatever its value
     */
    void record(Route route, String videoId, int status, boolean apiKeyHeader) {
        count(requests, route);
        if (apiKeyHeader) {
            count(withApiKeyHeader, route);
        }
        if (route == Route.VIDEO_EMBEDDINGS) {
            embeddingsByVideo
                    .computeIfAbsent(videoId, id -> new AtomicInteger())
                    .incrementAndGet();
        }
        if (route.metered() && billable(status)) {
            credits.incrementAndGet();
        }
    }

    /** A listing page asked for without a start time: a page of a walk over the whole library. */
    void wholeListingPage() {
        wholeListingPages.incrementAndGet();
    }

    int wholeListingPages() {
        return wholeListingPages.get();
    }

    int requests(Route route) {
        return requests.get(route).get();
    }

    int requestsWithApiKeyHeader(Route route) {
        return withApiKeyHeader.get(route).get();
    }

    int embeddingsCalls(String videoId) {
        AtomicInteger calls = embeddingsByVideo.get(videoId);
        return calls == null ? 0 : calls.get();
    }

    long credits() {
        return credits.get();
    }

    /** Counts under the route and under ANY, which counts every request. */
    private static void count(Map<Route, AtomicInteger> counters, Route route) {
        counters.get(Route.ANY).incrementAndGet();
        if (route != Route.ANY) {
            counters.get(route).incrementAndGet();
        }
    }

    /**
     * The platform refunds 404, 408 and 5xx; calls refused before metering (bad key, rate limit) never cost, nor do
     * redirects, which a front proxy answers.
     */
    private static boolean billable(int status) {
        return status < 500
                && (status < 300 || status >= 400)
                && status != 401
                && status != 403
                && status != 404
                && status != 408
                && status != 429;
    }
}
