/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void eachDelayIsInTheUpperHalfOfAWindowThatDoublesUpToTheMaximum() {
        Backoff backoff = new Backoff(100, 1_000);
        long[] windows = {100, 200, 400, 800, 1_000, 1_000};
        for (int retry = 1; retry <= windows.length; retry++) {
            long window = windows[retry - 1];
            for (int sample = 0; sample < 100; sample++) {
                long delay = backoff.delayMs(retry);
                assertTrue(delay >= window / 2 && delay <= window, "retry " + retry + " waits " + delay);
            }
        }
        assertTrue(backoff.delayMs(1_000) <= 1_000, "no overflow for late retries");
        assertEquals(0, new Backoff(0, 0).delayMs(1));
    }
}
