/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IndexBucketTest {

    @Test
    void keepsIdsSortedAndRoundTripsOnlyPersistedFlags() {
        IndexBucket bucket = new IndexBucket();
        Random random = new Random(7);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            ids.add(id);
            assertTrue(bucket.put(id, (byte) (i % 3 == 0 ? IndexBucket.STALE | IndexBucket.SEEN : IndexBucket.SEEN)));
        }
        assertEquals(500, bucket.size());
        assertEquals(500 * IndexBucket.ENTRY_BYTES, bucket.encode().length, "17 bytes a video");

        IndexBucket read = IndexBucket.decode(bucket.encode());
        for (int i = 0; i < ids.size(); i++) {
            int position = read.find(ids.get(i));
            assertTrue(position >= 0, "video " + i + " kept");
            assertEquals(i % 3 == 0 ? IndexBucket.STALE : 0, read.flags(position), "SEEN is not persisted");
        }
    }

    @Test
    void reportsOnlyChangesThatArePersisted() {
        IndexBucket bucket = new IndexBucket();
        UUID id = UUID.randomUUID();
        assertTrue(bucket.put(id, (byte) 0));
        int position = bucket.find(id);
        assertFalse(bucket.mark(position, IndexBucket.SEEN, (byte) 0), "an in-memory flag writes nothing");
        assertTrue(bucket.mark(position, IndexBucket.PENDING, (byte) 0));
        assertFalse(bucket.put(id, (byte) (IndexBucket.PENDING | IndexBucket.RETRACTING)));
        bucket.remove(bucket.find(id));
        assertTrue(bucket.find(id) < 0);
        assertEquals(0, bucket.encode().length);
    }

    @Test
    void refusesBytesThatAreNotWholeSortedEntries() {
        assertThrows(IllegalArgumentException.class, () -> IndexBucket.decode(new byte[IndexBucket.ENTRY_BYTES + 1]));
        IndexBucket bucket = new IndexBucket();
        bucket.put(new UUID(1, 1), (byte) 0);
        bucket.put(new UUID(2, 2), (byte) 0);
        byte[] bytes = bucket.encode();
        byte[] swapped = new byte[bytes.length];
        System.arraycopy(bytes, IndexBucket.ENTRY_BYTES, swapped, 0, IndexBucket.ENTRY_BYTES);
        System.arraycopy(bytes, 0, swapped, IndexBucket.ENTRY_BYTES, IndexBucket.ENTRY_BYTES);
        assertThrows(IllegalArgumentException.class, () -> IndexBucket.decode(swapped));
    }
}
