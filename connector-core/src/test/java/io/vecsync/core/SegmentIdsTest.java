/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values were computed with python3's {@code uuid.uuid5(uuid.NAMESPACE_URL, ...)}. */
class SegmentIdsTest {

    @ParameterizedTest
    @CsvSource({
        "a249266f-052d-4148-bc2f-3efa76dc4269, 00:00:00, 00:00:10, ea0b39d2-9327-572d-a218-3ea7d3e9586c",
        "a249266f-052d-4148-bc2f-3efa76dc4269, 00:01:40, 00:01:47, fc6f91a7-f47b-5fe0-8ffc-577897f4b916",
        "3fa85f64-5717-4562-b3fc-2c963f66afa6, 01:02:03, 01:02:13, 80658bfb-5279-5dd2-aff0-09139496805e",
        // Python formats resp.id (a UUID) in lowercase, so an upper-case id must give the same segment id.
        "A249266F-052D-4148-BC2F-3EFA76DC4269, 00:00:00, 00:00:10, ea0b39d2-9327-572d-a218-3ea7d3e9586c",
    })
    void documentedIdMatchesPython(String videoId, String start, String end, String expected) {
        assertEquals(expected, SegmentIds.documented(videoId, start, end).toString());
    }

    @Test
    void optionQualifiedIdMatchesPython() {
        assertEquals(
                "cd9f169e-d175-5574-8609-29dbb9226d64",
                SegmentIds.optionQualified("a249266f-052d-4148-bc2f-3efa76dc4269", "00:00:00", "00:00:10", "audio")
                        .toString());
    }

    @Test
    void namesAreUtf8Encoded() {
        assertEquals(
                "bf131abb-0d2f-5add-8b47-c87ed86c0339",
                SegmentIds.uuid5(SegmentIds.NAMESPACE_URL, "ünïcode|00:00:00|00:00:10")
                        .toString());
    }

    @Test
    void versionAndVariantBitsAreSet() {
        var id = SegmentIds.documented("a249266f-052d-4148-bc2f-3efa76dc4269", "00:00:00", "00:00:10");
        assertEquals(5, id.version());
        assertEquals(2, id.variant());
    }
}
