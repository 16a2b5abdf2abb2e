/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vecsync.core.SegmentIds;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentIdSchemeTest {

    private static final String VIDEO = "a249266f-052d-4148-bc2f-3efa76dc4269";

    @Test
    void autoKeepsTheDocumentedIdWhereBoundariesAreUnique() {
        List<String> ids = SegmentIdScheme.AUTO.ids(
                VIDEO,
                List.of(
                        new SegmentKey("00:00:00", "00:00:10", "visual"),
                        new SegmentKey("00:00:10", "00:00:20", "visual")));
        assertEquals(
                List.of(
                        "ea0b39d2-9327-572d-a218-3ea7d3e9586c",
                        SegmentIds.documented(VIDEO, "00:00:10", "00:00:20").toString()),
                ids);
    }

    @Test
    void autoQualifiesOnlyBoundariesSharedByTwoOptions() {
        List<String> ids = SegmentIdScheme.AUTO.ids(
                VIDEO,
                List.of(
                        new SegmentKey("00:00:00", "00:00:10", "visual"),
                        new SegmentKey("00:00:00", "00:00:10", "audio"),
                        new SegmentKey("00:00:10", "00:00:20", "visual")));
        assertEquals(3, new HashSet<>(ids).size());
        assertEquals("cd9f169e-d175-5574-8609-29dbb9226d64", ids.get(1));
        assertEquals(SegmentIds.documented(VIDEO, "00:00:10", "00:00:20").toString(), ids.get(2));
    }

    @Test
    void optionQualifiedAlwaysQualifies() {
        List<String> ids =
                SegmentIdScheme.OPTION_QUALIFIED.ids(VIDEO, List.of(new SegmentKey("00:00:00", "00:00:10", "audio")));
        assertEquals(List.of("cd9f169e-d175-5574-8609-29dbb9226d64"), ids);
        assertNotEquals(SegmentIdScheme.AUTO.ids(VIDEO, List.of(new SegmentKey("00:00:00", "00:00:10", "audio"))), ids);
    }
}
