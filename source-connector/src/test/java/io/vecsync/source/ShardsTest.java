/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShardsTest {

    @Test
    void everyShardGoesToExactlyOneTask() {
        for (int tasks : new int[] {1, 2, 3, 7, 64, 100}) {
            List<List<Integer>> assignment = Shards.assign(tasks);
            assertEquals(Math.min(tasks, Shards.COUNT), assignment.size());
            Set<Integer> seen = new HashSet<>();
            assignment.forEach(shards ->
                    shards.forEach(shard -> assertEquals(true, seen.add(shard), "shard " + shard + " twice")));
            assertEquals(Shards.COUNT, seen.size());
        }
    }

    @Test
    void videosSpreadOverShardsAndCaseDoesNotMatter() {
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            UUID id = UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)});
            used.add(Shards.of(id));
            assertEquals(
                    Shards.of(id),
                    Shards.of(UUID.fromString(id.toString().toUpperCase(Locale.ROOT))),
                    "ids are read as UUIDs, case and all");
        }
        assertEquals(Shards.COUNT, used.size());
    }
}
