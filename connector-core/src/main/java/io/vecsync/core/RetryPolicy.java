package io.vecsync.core;

import java.util.concurrent.ThreadLocalRandom;

/** Bounded exponential backoff with full jitter, shared by every connector that talks to a remote service. */
public final class RetryPolicy {

    private final int maxRetries;
    private final long initialBackoffMs;
    private final long maxBackoffMs;

    /**
     * @param maxRetries       retries after the first attempt; 0 means one attempt only
     * @param initialBackoffMs the cap of the first delay
     * @param maxBackoffMs     the cap of any delay
     */
    public RetryPolicy(int maxRetries, long initialBackoffMs, long maxBackoffMs) {
        if (maxRetries < 0 || initialBackoffMs < 0 || maxBackoffMs < initialBackoffMs) {
            throw new IllegalArgumentException("retries and backoffs must be non-negative and the initial backoff at most the maximum");
        }
        this.maxRetries = maxRetries;
        this.initialBackoffMs = initialBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
    }

    public int maxRetries() {
        return maxRetries;
    }

    /** Whether retry number {@code retry} (1-based) is still allowed. */
    public boolean allows(int retry) {
        return retry <= maxRetries;
    }

    /** The delay before retry number {@code retry} (1-based): uniform in [cap/2, cap], cap = min(max, initial * 2^(retry-1)). */
    public long backoffMs(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        long cap = Math.min(maxBackoffMs, initialBackoffMs << doublings);
        if (cap <= 1) {
            return cap;
        }
        return cap / 2 + ThreadLocalRandom.current().nextLong(cap - cap / 2 + 1);
    }
}
