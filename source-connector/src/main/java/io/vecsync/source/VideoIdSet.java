/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;

/**
 * A set of video ids as two primitive arrays, 16 bytes an id: what a full walk listed in one index bucket. Ids are
 * appended in any order and sorted once by {@link #seal()} (not at all when they come sorted); the hash does not depend on order, so a task can compare
 * it with the hash of its own index bucket without sorting anything.
 */
final class VideoIdSet {

    private long[] high = new long[0];
    private long[] low = new long[0];
    private int size;
    private long hash;

    void add(UUID id) {
        if (size == high.length) {
            int capacity = Math.max(8, size + (size >> 1));
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
        }
        high[size] = id.getMostSignificantBits();
        low[size] = id.getLeastSignificantBits();
        size++;
        hash += hashOf(id);
    }

    int size() {
        return size;
    }

    long hash() {
        return hash;
    }

    /** Sorts the ids and drops repeats (a page shift can list a video twice); call before reading or encoding. */
    VideoIdSet seal() {
        VideoIdSet sorted = new VideoIdSet();
        sorted.high = Arrays.copyOf(high, size);
        sorted.low = Arrays.copyOf(low, size);
        if (!isSorted()) {
            sort(sorted.high, sorted.low, 0, size - 1);
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (kept == 0 || sorted.high[i] != sorted.high[kept - 1] || sorted.low[i] != sorted.low[kept - 1]) {
                sorted.high[kept] = sorted.high[i];
                sorted.low[kept] = sorted.low[i];
                sorted.hash += hashOf(sorted.high[i], sorted.low[i]);
                kept++;
            }
        }
        sorted.size = kept;
        return sorted;
    }

    /** The last {@code count} ids added, or all of them when there are fewer. */
    VideoIdSet newest(int count) {
        if (size <= count) {
            return this;
        }
        VideoIdSet newest = new VideoIdSet();
        newest.high = Arrays.copyOfRange(high, size - count, size);
        newest.low = Arrays.copyOfRange(low, size - count, size);
        newest.size = count;
        for (int i = 0; i < count; i++) {
            newest.hash += hashOf(newest.high[i], newest.low[i]);
        }
        return newest;
    }

    private boolean isSorted() {
        for (int i = 1; i < size; i++) {
            if (compare(high[i - 1], low[i - 1], high[i], low[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    /** An in-place quicksort of the parallel arrays: no boxing, and no copy but the one {@link #seal()} made. */
    private static void sort(long[] high, long[] low, int from, int to) {
        while (from < to) {
            int middle = (from + to) >>> 1;
            long pivotHigh = high[middle];
            long pivotLow = low[middle];
            int i = from;
            int j = to;
            while (i <= j) {
                while (compare(high[i], low[i], pivotHigh, pivotLow) < 0) {
                    i++;
                }
                while (compare(high[j], low[j], pivotHigh, pivotLow) > 0) {
                    j--;
                }
                if (i <= j) {
                    swap(high, i, j);
                    swap(low, i, j);
                    i++;
                    j--;
                }
            }
            // Recurse into the smaller side so the stack stays logarithmic.
            if (j - from < to - i) {
                sort(high, low, from, j);
                from = i;
            } else {
                sort(high, low, i, to);
                to = j;
            }
        }
    }

    private static void swap(long[] values, int i, int j) {
        long value = values[i];
        values[i] = values[j];
        values[j] = value;
    }

    /** Whether the sealed set holds the id. */
    boolean contains(UUID id) {
        int lo = 0;
        int hi = size - 1;
        long h = id.getMostSignificantBits();
        long l = id.getLeastSignificantBits();
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(high[mid], low[mid], h, l);
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }

    UUID id(int position) {
        return new UUID(high[position], low[position]);
    }

    byte[] encode() {
        ByteBuffer bytes = ByteBuffer.allocate(size * 16);
        for (int i = 0; i < size; i++) {
            bytes.putLong(high[i]).putLong(low[i]);
        }
        return bytes.array();
    }

    static VideoIdSet decode(byte[] encoded) {
        if (encoded.length % 16 != 0) {
            throw new IllegalArgumentException(encoded.length + " bytes is not a whole number of 16-byte ids");
        }
        ByteBuffer bytes = ByteBuffer.wrap(encoded);
        VideoIdSet set = new VideoIdSet();
        while (bytes.hasRemaining()) {
            set.add(new UUID(bytes.getLong(), bytes.getLong()));
        }
        return set.seal();
    }

    /** One id's share of a set's hash: sets hash to the sum of their ids' shares. */
    static long hashOf(UUID id) {
        return hashOf(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    static long hashOf(long high, long low) {
        return mix(high ^ mix(low));
    }

    private static int compare(long h1, long l1, long h2, long l2) {
        int c = Long.compareUnsigned(h1, h2);
        return c != 0 ? c : Long.compareUnsigned(l1, l2);
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long mix(long value) {
        long k = value;
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb53fe1a85a33L;
        k ^= k >>> 33;
        return k;
    }
}
