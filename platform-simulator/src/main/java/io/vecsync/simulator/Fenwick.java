/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.util.Arrays;

/** Counts of 0/1 flags by position, growing at the end, with prefix sums and k-th flag lookup in O(log n). */
final class Fenwick {

    /** 1-based: tree[i] sums the flags of positions [i - lowbit(i), i - 1]. */
    private int[] tree = new int[1024];

    private int size;

    int size() {
        return size;
    }

    /** Adds a position at the end: its node sums the flags below it, which are all known by now. */
    void append(boolean flag) {
        int node = ++size;
        if (node == tree.length) {
            tree = Arrays.copyOf(tree, tree.length * 2);
        }
        tree[node] = (flag ? 1 : 0) + prefix(node - 1) - prefix(node - Integer.lowestOneBit(node));
    }

    void add(int position, int delta) {
        for (int node = position + 1; node <= size; node += Integer.lowestOneBit(node)) {
            tree[node] += delta;
        }
    }

    /** How many flags are set at positions below {@code end}. */
    int prefix(int end) {
        int sum = 0;
        for (int node = end; node > 0; node -= Integer.lowestOneBit(node)) {
            sum += tree[node];
        }
        return sum;
    }

    /** The position of the flag with the 0-based rank {@code k}; requires {@code k < prefix(size())}. */
    int select(int k) {
        int node = 0;
        int remaining = k;
        for (int step = Integer.highestOneBit(Math.max(size, 1)); step > 0; step >>= 1) {
            int next = node + step;
            if (next <= size && tree[next] <= remaining) {
                node = next;
                remaining -= tree[next];
            }
        }
        return node; // 1-based node of the last position before the flag, so the flag's 0-based position
    }
}
