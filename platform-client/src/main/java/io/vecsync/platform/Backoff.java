package io.vecsync.platform;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, so that clients failing together do not retry together. */
final class Backoff {

    private final long firstMs;
    private final long maxMs;

    Backoff(long firstMs, long maxMs) {
        this.firstMs = firstMs;
        this.maxMs = maxMs;
    }

    /** The wait before retry {@code retry} (1-based): uniform in [cap/2, cap], where cap = min(max, first * 2^(retry-1)). */
    long delayMs(int retry) {
        long cap = Math.min(maxMs, firstMs << Math.min(retry - 1, 30));
        return cap - ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    }
}
