/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import java.time.Duration;
import java.util.Optional;

/** The platform did not answer usefully within the retries allowed, or the client was closed; a later call may succeed. */
public final class PlatformUnavailableException extends PlatformException {

    private static final long serialVersionUID = 1L;

    /** What the last attempt ran into. */
    public enum Reason {
        RATE_LIMITED,
        TIMED_OUT,
        SERVER_ERROR,
        UNREACHABLE,
        STOPPED
    }

    private final Reason reason;
    private final Duration retryAfter;

    PlatformUnavailableException(Reason reason, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** How long the platform asked the caller to wait (its last Retry-After), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
