/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesWithJitterAndStaysUnderTheCap() {
        RetryPolicy policy = new RetryPolicy(10, 100, 1_000);
        for (int i = 0; i < 200; i++) {
            long first = policy.backoffMs(1);
            long third = policy.backoffMs(3);
            long tenth = policy.backoffMs(10);
            assertTrue(first >= 50 && first <= 100, "first " + first);
            assertTrue(third >= 200 && third <= 400, "third " + third);
            assertTrue(tenth >= 500 && tenth <= 1_000, "tenth " + tenth);
        }
    }

    @Test
    void jitterSpreadsDelays() {
        RetryPolicy policy = new RetryPolicy(3, 1_000, 1_000);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToLong(i -> policy.backoffMs(1))
                .distinct()
                .count();
        assertTrue(distinct > 10, "only " + distinct + " distinct delays");
    }

    @Test
    void retriesAreBounded() {
        RetryPolicy policy = new RetryPolicy(2, 1, 1);
        assertTrue(policy.allows(2));
        assertFalse(policy.allows(3));
        assertFalse(new RetryPolicy(0, 1, 1).allows(1));
    }

    @Test
    void rejectsAnInitialBackoffAboveTheMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, 10, 5));
    }
}
