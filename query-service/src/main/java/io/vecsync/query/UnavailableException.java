/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import java.time.Duration;

/**
 * The platform or the store cannot serve a search now; the caller may try again after {@link #retryAfterSeconds()}.
 * The message is shown to callers: our own words for what happened, never a secret nor a store's error text.
 */
final class UnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final long retryAfterSeconds;

    /** @param status 502 when the platform answered badly or not at all, 503 when a peer is busy, slow or down */
    UnavailableException(int status, long retryAfterSeconds, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A wait as Retry-After's whole seconds, rounded up and at least 1, so a caller never comes back too early. */
    static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
