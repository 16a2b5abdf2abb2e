/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter", so that clients failing together do not retry together: the wait before
 * retry n (1-based) is drawn uniformly from the whole milliseconds in [cap/2, cap] (cap/2 rounded down), where
 * cap = min(max, first * 2^(n-1)). The one backoff of vecsync: the platform client's and the connectors' retries.
 */
public final class Backoff {

    private final long firstMs;
    private final long maxMs;

    /**
     * @param firstMs the cap of the first wait
     * @param maxMs   the cap of any wait
     */
    public Backoff(long firstMs, long maxMs) {
        this.firstMs = firstMs;
        this.maxMs = maxMs;
    }

    /** The wait before retry {@code retry} (1-based; 0 and below count as 1). */
    public long delayMs(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        long cap = Math.min(maxMs, firstMs << doublings);
        if (cap <= 1) {
            return cap;
        }
        return cap / 2 + ThreadLocalRandom.current().nextLong(cap - cap / 2 + 1);
    }
}
