/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestsTest {

    @Test
    void requestsEndAtTheItemLimitOrBeforeTheByteLimit() {
        List<Integer> sizes = List.of(40, 40, 30, 90, 10, 10, 10);
        assertEquals(
                List.of(List.of(40, 40), List.of(30), List.of(90, 10), List.of(10, 10)),
                Requests.split(sizes, 2, 100, Integer::longValue));
        assertEquals(
                List.of(List.of(40, 40), List.of(30), List.of(90, 10), List.of(10, 10)),
                Requests.split(sizes, 3, 100, Integer::longValue));
        assertEquals(List.of(sizes.subList(0, 3), sizes.subList(3, 6), sizes.subList(6, 7)), Requests.split(sizes, 3));
    }

    @Test
    void anItemLargerThanTheLimitGoesAlone() {
        assertEquals(
                List.of(List.of(10), List.of(500), List.of(10)),
                Requests.split(List.of(10, 500, 10), 10, 100, Integer::longValue));
        assertEquals(List.of(), Requests.split(List.<Integer>of(), 10, 100, Integer::longValue));
    }
}
