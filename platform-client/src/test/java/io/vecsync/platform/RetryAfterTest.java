/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

    @Test
    void readsSecondsAndHttpDatesWithinBounds() {
        assertEquals(Duration.ofSeconds(2), parse("2"));
        assertEquals(Duration.ofMillis(1_500), parse(" 1.5 "));
        assertEquals(Duration.ofMinutes(5), parse("86400"));
        assertEquals(Duration.ofSeconds(90), parse("Wed, 21 Oct 2015 07:29:30 GMT"));
        assertEquals(Duration.ZERO, parse("Wed, 21 Oct 2015 07:00:00 GMT"));
        assertEquals(Duration.ZERO, parse("-3"));
        assertTrue(RetryAfter.parse(Optional.of("soon"), NOW).isEmpty());
        assertTrue(RetryAfter.parse(Optional.empty(), NOW).isEmpty());
    }

    private static Duration parse(String header) {
        return RetryAfter.parse(Optional.of(header), NOW).orElseThrow();
    }
}
