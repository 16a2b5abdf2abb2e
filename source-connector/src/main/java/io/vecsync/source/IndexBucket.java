/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.util.Arrays;
import java.util.UUID;

/**
 * One bucket of the video index: the ids of the videos a task has synced, sorted, 16 bytes each, with a flag byte.
 * Kept as parallel primitive arrays, so a million videos cost about 17 MB however many segments they have.
 */
final class IndexBucket {

    /** The last write of the video may be incomplete: fetch it again. Persisted. */
    static final byte PENDING = 1;
    /** The platform was seen re-processing the video: fetch it again once it is done. Persisted. */
    static final byte STALE = 2;
    /** Listed by the full walk under way. In memory only. */
    static final byte SEEN = 4;
    /** Its tombstones are on their way; it leaves the index once they are written. In memory only. */
    static final byte RETRACTING = 8;
    /** Its records are on their way in this run: PENDING then only waits for them, it asks for no fetch. In memory only. */
    static final byte WRITING = 16;

    static final byte PERSISTED = PENDING | STALE;
    static final int ENTRY_BYTES = 17;

    private long[] high = new long[0];
    private long[] low = new long[0];
    private byte[] flags = new byte[0];
    private int size;
    /** The {@link VideoIdSet#hash()} of the ids, kept as they come and go so that reading it costs nothing. */
    private long idHash;

    int size() {
        return size;
    }

    /** Bytes of the bucket's arrays, spare slots included. */
    long bytes() {
        return (long) high.length * ENTRY_BYTES;
    }

    /** The entry's position, or a negative number when the video is not in the bucket. */
    int find(UUID id) {
        return find(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    byte flags(int position) {
        return flags[position];
    }

    UUID id(int position) {
        return new UUID(high[position], low[position]);
    }

    /** Adds the video with the flags, or replaces its flags; true when anything persisted changed. */
    boolean put(UUID id, byte newFlags) {
        int position = find(id);
        if (position >= 0) {
            byte old = flags[position];
            flags[position] = newFlags;
            return (old & PERSISTED) != (newFlags & PERSISTED);
        }
        int insertAt = -position - 1;
        if (size == high.length) {
            int capacity = Math.max(8, size + (size >> 1));
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            flags = Arrays.copyOf(flags, capacity);
        }
        System.arraycopy(high, insertAt, high, insertAt + 1, size - insertAt);
        System.arraycopy(low, insertAt, low, insertAt + 1, size - insertAt);
        System.arraycopy(flags, insertAt, flags, insertAt + 1, size - insertAt);
        high[insertAt] = id.getMostSignificantBits();
        low[insertAt] = id.getLeastSignificantBits();
        flags[insertAt] = newFlags;
        size++;
        idHash += VideoIdSet.hashOf(id);
        return true;
    }

    /** Sets or clears flag bits of an entry; true when anything persisted changed. */
    boolean mark(int position, byte set, byte clear) {
        byte old = flags[position];
        flags[position] = (byte) ((old | set) & ~clear);
        return (old & PERSISTED) != (flags[position] & PERSISTED);
    }

    /** Clears flag bits on every entry. */
    void clearAll(byte clear) {
        for (int i = 0; i < size; i++) {
            flags[i] &= (byte) ~clear;
        }
    }

    /** The {@link VideoIdSet#hash()} of the bucket's ids, to compare with what a shared walk listed. */
    long idHash() {
        return idHash;
    }

    void remove(int position) {
        idHash -= VideoIdSet.hashOf(high[position], low[position]);
        System.arraycopy(high, position + 1, high, position, size - position - 1);
        System.arraycopy(low, position + 1, low, position, size - position - 1);
        System.arraycopy(flags, position + 1, flags, position, size - position - 1);
        size--;
    }

    /** The persisted form: each entry's 16 id bytes, big-endian, then its persisted flags. */
    byte[] encode() {
        byte[] bytes = new byte[size * ENTRY_BYTES];
        for (int i = 0, at = 0; i < size; i++, at += ENTRY_BYTES) {
            putLong(bytes, at, high[i]);
            putLong(bytes, at + 8, low[i]);
            bytes[at + 16] = (byte) (flags[i] & PERSISTED);
        }
        return bytes;
    }

    /** Reads {@link #encode()}'s form back. */
    static IndexBucket decode(byte[] bytes) {
        if (bytes.length % ENTRY_BYTES != 0) {
            throw new IllegalArgumentException("an index bucket of " + bytes.length + " bytes is not whole entries");
        }
        IndexBucket bucket = new IndexBucket();
        int count = bytes.length / ENTRY_BYTES;
        bucket.high = new long[count];
        bucket.low = new long[count];
        bucket.flags = new byte[count];
        for (int i = 0, at = 0; i < count; i++, at += ENTRY_BYTES) {
            bucket.high[i] = getLong(bytes, at);
            bucket.low[i] = getLong(bytes, at + 8);
            bucket.flags[i] = (byte) (bytes[at + 16] & PERSISTED);
            bucket.idHash += VideoIdSet.hashOf(bucket.high[i], bucket.low[i]);
            if (i > 0 && compare(bucket.high[i - 1], bucket.low[i - 1], bucket.high[i], bucket.low[i]) >= 0) {
                throw new IllegalArgumentException("index bucket entries are not sorted at entry " + i);
            }
        }
        bucket.size = count;
        return bucket;
    }

    private int find(long idHigh, long idLow) {
        int from = 0;
        int to = size - 1;
        while (from <= to) {
            int middle = (from + to) >>> 1;
            int order = compare(high[middle], low[middle], idHigh, idLow);
            if (order < 0) {
                from = middle + 1;
            } else if (order > 0) {
                to = middle - 1;
            } else {
                return middle;
            }
        }
        return -(from + 1);
    }

    private static int compare(long aHigh, long aLow, long bHigh, long bLow) {
        int order = Long.compare(aHigh, bHigh);
        return order != 0 ? order : Long.compare(aLow, bLow);
    }

    private static void putLong(byte[] bytes, int at, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[at + i] = (byte) value;
            value >>>= 8;
        }
    }

    private static long getLong(byte[] bytes, int at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[at + i] & 0xff);
        }
        return value;
    }
}
