/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A token bucket per client: {@code burst} calls at once, then {@code perSecond} a second on average. */
final class RateLimiter {

    /** Past this many clients, the buckets that are full again are dropped: a full bucket is the same as none. */
    private static final int SWEEP_ABOVE_CLIENTS = 10_000;

    private final double perNano;
    private final int burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perSecond 0 lets every call through */
    RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /** Takes a token for the client: empty when the call may go ahead, else how long until it may. */
    Optional<Duration> acquire(String client) {
        if (perNano == 0) {
            return Optional.empty();
        }
        long now = nanoClock.getAsLong();
        if (buckets.size() > SWEEP_ABOVE_CLIENTS) {
            buckets.values().removeIf(bucket -> bucket.fullAt(now));
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(now)).take(now);
    }

    private final class Bucket {

        private double tokens = burst;
        private long refilledAt;

        Bucket(long now) {
            refilledAt = now;
        }

        synchronized Optional<Duration> take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens--;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano)));
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
        }
    }
}
