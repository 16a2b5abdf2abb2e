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
 * appended in any order and sorted once by {@link #seal()}; the hash does not depend on order, so a task can compare
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
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> compare(high[a], low[a], high[b], low[b]));
        VideoIdSet sorted = new VideoIdSet();
        for (int i = 0; i < size; i++) {
            int at = order[i];
            if (sorted.size == 0
                    || high[at] != sorted.high[sorted.size - 1]
                    || low[at] != sorted.low[sorted.size - 1]) {
                sorted.add(new UUID(high[at], low[at]));
            }
        }
        return sorted;
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
        return mix(id.getMostSignificantBits() ^ mix(id.getLeastSignificantBits()));
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
