/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Per-client token buckets on a clock the test moves. */
class RateLimiterTest {

    private final AtomicLong clock = new AtomicLong();

    @Test
    void aClientGetsItsBurstThenTheRateAndOthersAreNotHeldBack() {
        RateLimiter limiter = new RateLimiter(2, 3, clock::get);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiter.acquire("10.0.0.1"), "call " + i + " of the burst");
        }
        assertEquals(Optional.of(Duration.ofMillis(500)), limiter.acquire("10.0.0.1"));
        assertEquals(Optional.empty(), limiter.acquire("10.0.0.2"));

        clock.addAndGet(Duration.ofMillis(500).toNanos());
        assertEquals(Optional.empty(), limiter.acquire("10.0.0.1"));
        assertEquals(Optional.of(Duration.ofMillis(500)), limiter.acquire("10.0.0.1"));
    }

    @Test
    void aRateOfZeroLimitsNothing() {
        RateLimiter off = new RateLimiter(0, 1, clock::get);
        for (int i = 0; i < 100; i++) {
            assertEquals(Optional.empty(), off.acquire("10.0.0.1"));
        }
    }
}
