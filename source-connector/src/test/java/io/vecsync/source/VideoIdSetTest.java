/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VideoIdSetTest {

    private final Random random = new Random(5);

    @Test
    void aSetHashesLikeTheIndexBucketOfTheSameIdsWhateverTheOrder() {
        List<UUID> ids = ids(300);
        VideoIdSet listed = new VideoIdSet();
        ids.forEach(listed::add);
        IndexBucket bucket = new IndexBucket();
        List<UUID> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, random);
        shuffled.forEach(id -> bucket.put(id, IndexBucket.PENDING));
        assertEquals(bucket.idHash(), listed.hash());

        bucket.remove(bucket.find(ids.get(17)));
        assertNotEquals(bucket.idHash(), listed.hash(), "one id fewer changes the hash");
    }

    @Test
    void sealingSortsAndDropsAVideoListedTwiceAndTheEncodingRoundTrips() {
        List<UUID> ids = ids(50);
        VideoIdSet listed = new VideoIdSet();
        ids.forEach(listed::add);
        listed.add(ids.get(3));
        VideoIdSet sealed = listed.seal();
        assertEquals(50, sealed.size());
        ids.forEach(id -> assertTrue(sealed.contains(id)));
        assertFalse(sealed.contains(UUID.randomUUID()));

        VideoIdSet decoded = VideoIdSet.decode(sealed.encode());
        assertEquals(sealed.hash(), decoded.hash());
        assertEquals(800, sealed.encode().length, "16 bytes a video");
        assertThrows(IllegalArgumentException.class, () -> VideoIdSet.decode(new byte[17]));
    }

    @Test
    void sealingManyIdsGivesTheirUnsignedOrderWithoutRepeats() {
        List<UUID> ids = ids(5_000);
        VideoIdSet listed = new VideoIdSet();
        ids.forEach(listed::add);
        ids.subList(0, 700).forEach(listed::add);
        VideoIdSet sealed = listed.seal();
        List<UUID> expected = new ArrayList<>(ids);
        expected.sort((a, b) -> {
            int order = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
            return order != 0 ? order : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        });
        List<UUID> actual = new ArrayList<>();
        for (int i = 0; i < sealed.size(); i++) {
            actual.add(sealed.id(i));
        }
        assertEquals(expected, actual);
        assertEquals(VideoIdSet.decode(sealed.encode()).hash(), sealed.hash());
    }

    private List<UUID> ids(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        return ids;
    }
}
