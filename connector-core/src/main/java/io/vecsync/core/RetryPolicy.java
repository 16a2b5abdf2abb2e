/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

/**
 * How often a connector retries a remote service, and how long it waits in between: bounded exponential backoff with
 * "equal jitter" ({@link Backoff}), the wait before retry n (1-based) drawn uniformly from the whole milliseconds in
 * [cap/2, cap], cap = min(max, initial * 2^(n-1)).
 */
public final class RetryPolicy {

    private final int maxRetries;
    private final Backoff backoff;

    /**
     * @param maxRetries       retries after the first attempt; 0 means one attempt only
     * @param initialBackoffMs the cap of the first delay
     * @param maxBackoffMs     the cap of any delay
     */
    public RetryPolicy(int maxRetries, long initialBackoffMs, long maxBackoffMs) {
        if (maxRetries < 0 || initialBackoffMs < 0 || maxBackoffMs < initialBackoffMs) {
            throw new IllegalArgumentException(
                    "retries and backoffs must be non-negative and the initial backoff at most the maximum");
        }
        this.maxRetries = maxRetries;
        this.backoff = new Backoff(initialBackoffMs, maxBackoffMs);
    }

    public int maxRetries() {
        return maxRetries;
    }

    /** Whether retry number {@code retry} (1-based) is still allowed. */
    public boolean allows(int retry) {
        return retry <= maxRetries;
    }

    /** The delay before retry number {@code retry} (1-based), drawn as the class doc says. */
    public long backoffMs(int retry) {
        return backoff.delayMs(retry);
    }
}
