/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FenwickTest {

    @Test
    void prefixAndSelectAgreeWithCountingThroughGrowthAndChanges() {
        Random random = new Random(3);
        Fenwick tree = new Fenwick();
        List<Boolean> flags = new ArrayList<>();
        for (int round = 0; round < 5_000; round++) {
            if (flags.isEmpty() || random.nextInt(3) > 0) {
                boolean flag = random.nextBoolean();
                tree.append(flag);
                flags.add(flag);
            } else {
                int position = random.nextInt(flags.size());
                tree.add(position, flags.get(position) ? -1 : 1);
                flags.set(position, !flags.get(position));
            }
        }
        List<Integer> set = new ArrayList<>();
        for (int position = 0; position < flags.size(); position++) {
            assertEquals(set.size(), tree.prefix(position));
            if (flags.get(position)) {
                set.add(position);
            }
        }
        assertEquals(set.size(), tree.prefix(tree.size()));
        for (int k = 0; k < set.size(); k++) {
            assertEquals(set.get(k), tree.select(k));
        }
    }
}
