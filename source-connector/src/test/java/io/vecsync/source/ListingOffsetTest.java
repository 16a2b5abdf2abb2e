/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListingOffsetTest {

    private static final int LIMIT = 64 * 1024;
    private static final int TEN_MILLION = 10_000_000;

    @Test
    void everySharedListingRecordStaysUnder64KbAtTenMillionVideosInACollection() {
        // The fullest of 4,096 buckets at ten million videos: the mean (2,441) plus five standard deviations.
        int mean = TEN_MILLION / (Shards.COUNT * IndexOffset.BUCKETS_PER_SHARD);
        int fullest = mean + 5 * (int) Math.ceil(Math.sqrt(mean));
        VideoIdSet listed = randomIds(fullest, 7);
        VideoIdSet members = randomIds(fullest, 8);

        Map<String, Object> listedMap = ListingOffset.Bucket.toMap(listed);
        Map<String, Object> membersMap = ListingOffset.Bucket.toMap(members);
        assertTrue(size(listedMap) <= LIMIT, fullest + " listed ids take " + size(listedMap) + " bytes");
        assertTrue(size(membersMap) <= LIMIT, fullest + " members take " + size(membersMap) + " bytes");
        ListingOffset.Bucket read = ListingOffset.Bucket.fromMaps(listedMap, membersMap);
        assertEquals(listed.hash(), read.listed().hash());
        assertEquals(members.hash(), read.members().hash());

        long[] hashes = new long[IndexOffset.BUCKETS_PER_SHARD];
        java.util.Arrays.fill(hashes, Long.MIN_VALUE);
        Map<String, Object> head = new ListingOffset.Head(Long.MAX_VALUE, TEN_MILLION, hashes, hashes).toMap();
        assertTrue(size(head) <= LIMIT, "a head takes " + size(head) + " bytes");
    }

    @Test
    void aRecentWalksRecordsStayUnder64KbAtTheirCap() {
        VideoIdSet ids = randomIds(RecentPublisher.MAX_IDS_PER_SHARD * 2, 9).newest(RecentPublisher.MAX_IDS_PER_SHARD);
        Map<String, Object> shard = new ListingOffset.RecentShard(ids.seal()).toMap();
        assertTrue(size(shard) <= LIMIT, "a recent shard takes " + size(shard) + " bytes");
        assertEquals(ids.hash(), ListingOffset.RecentShard.idsFromMap(shard).hash());
        long[] hashes = new long[Shards.COUNT];
        java.util.Arrays.fill(hashes, Long.MIN_VALUE);
        Map<String, Object> head = new ListingOffset.RecentHead(Long.MAX_VALUE, Long.MAX_VALUE, hashes).toMap();
        assertTrue(size(head) <= 1024, "a recent head takes " + size(head) + " bytes");
    }

    @Test
    void aBucketWrittenWithItsMembersInsideIsStillRead() {
        VideoIdSet listed = randomIds(10, 1).seal();
        VideoIdSet members = randomIds(12, 2).seal();
        Map<String, Object> legacy = new java.util.LinkedHashMap<>(ListingOffset.Bucket.toMap(listed));
        legacy.put("members", java.util.Base64.getEncoder().encodeToString(members.encode()));
        ListingOffset.Bucket read = ListingOffset.Bucket.fromMaps(legacy, null);
        assertEquals(members.hash(), read.members().hash());
        assertEquals(listed.hash(), read.listed().hash());
    }

    /** The size of the record's JSON, as Connect's converter writes it: keys, quotes and values. */
    private static int size(Map<String, Object> map) {
        StringBuilder json = new StringBuilder("{");
        map.forEach((key, value) -> json.append('"')
                .append(key)
                .append("\":")
                .append(value instanceof String ? "\"" + value + "\"" : value)
                .append(','));
        return json.length();
    }

    private static VideoIdSet randomIds(int count, long seed) {
        Random random = new Random(seed);
        VideoIdSet ids = new VideoIdSet();
        for (int i = 0; i < count; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        return ids;
    }
}
