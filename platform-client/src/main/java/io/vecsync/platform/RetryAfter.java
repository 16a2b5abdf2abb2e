/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a Retry-After header: delay-seconds or an HTTP-date, bounded so a broken header cannot stall a caller for hours. */
final class RetryAfter {

    static final Duration MAX = Duration.ofMinutes(5);

    private RetryAfter() {}

    /** The wait the header asks for, between zero and {@link #MAX}; empty when the header is absent or unreadable. */
    static Optional<Duration> parse(Optional<String> header, Instant now) {
        return header.map(String::trim)
                .flatMap(value -> seconds(value).or(() -> date(value, now)))
                .map(RetryAfter::bounded);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value) * 1000)));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> date(String value, Instant now) {
        try {
            return Optional.of(Duration.between(
                    now,
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant()));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static Duration bounded(Duration wait) {
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
