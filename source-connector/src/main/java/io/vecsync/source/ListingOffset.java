/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The source offsets through which one task shares its full walks of the listing with the others (see
 * {@link ListingPublisher}): per shard, a head naming the walk and each bucket's hashes; per index bucket, the ids the
 * walk listed in it, written only when they changed. A head is under 2 KB; a bucket holds 16 bytes a listed video.
 */
public final class ListingOffset {

    public static final String PARTITION_KEY = "listing";
    public static final int VERSION = 1;
    private static final String WALK_KEY = "walk";
    private static final String LISTED_KEY = "listed";
    private static final String HASHES_KEY = "hashes";
    private static final String MEMBERS_KEY = "members";

    private ListingOffset() {}

    static Map<String, Object> headPartition(int shard) {
        return Map.of(PARTITION_KEY, Integer.toString(shard));
    }

    static Map<String, Object> bucketPartition(int shard, int bucket) {
        return Map.of(PARTITION_KEY, shard + "." + bucket);
    }

    /**
     * What one complete walk listed in one shard.
     *
     * @param walk          when the walk started, epoch ms on the walking task's clock; newer walks are larger
     * @param listed        done videos in scope the walk listed in the whole library: what a walk of one's own costs
     * @param listedHashes  per bucket, the {@link VideoIdSet#hash()} of the listed ids
     * @param memberHashes  per bucket, the hash of the collection members in it; zeros without a collection
     */
    record Head(long walk, long listed, long[] listedHashes, long[] memberHashes) {

        Map<String, Object> toMap() {
            ByteBuffer hashes = ByteBuffer.allocate(IndexOffset.BUCKETS_PER_SHARD * 16);
            for (int bucket = 0; bucket < IndexOffset.BUCKETS_PER_SHARD; bucket++) {
                hashes.putLong(listedHashes[bucket]).putLong(memberHashes[bucket]);
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(OffsetVersions.KEY, VERSION);
            map.put(WALK_KEY, walk);
            map.put(LISTED_KEY, listed);
            map.put(HASHES_KEY, Base64.getEncoder().encodeToString(hashes.array()));
            return map;
        }

        /** Null when nothing was shared yet. */
        static Head fromMap(Map<String, ?> map) {
            if (map == null || map.isEmpty()) {
                return null;
            }
            OffsetVersions.require(map, VERSION, "shared listing");
            try {
                ByteBuffer hashes = ByteBuffer.wrap(Base64.getDecoder().decode((String) map.get(HASHES_KEY)));
                long[] listed = new long[IndexOffset.BUCKETS_PER_SHARD];
                long[] members = new long[IndexOffset.BUCKETS_PER_SHARD];
                for (int bucket = 0; bucket < IndexOffset.BUCKETS_PER_SHARD; bucket++) {
                    listed[bucket] = hashes.getLong();
                    members[bucket] = hashes.getLong();
                }
                return new Head(
                        ((Number) map.get(WALK_KEY)).longValue(),
                        ((Number) map.get(LISTED_KEY)).longValue(),
                        listed,
                        members);
            } catch (RuntimeException e) {
                throw new ConnectException("a shared listing source offset is corrupt: " + e.getMessage(), e);
            }
        }
    }

    /** The ids one walk listed in one index bucket, and the collection members in it (empty without a collection). */
    record Bucket(VideoIdSet listed, VideoIdSet members) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(OffsetVersions.KEY, VERSION);
            map.put(LISTED_KEY, Base64.getEncoder().encodeToString(listed.encode()));
            map.put(MEMBERS_KEY, Base64.getEncoder().encodeToString(members.encode()));
            return map;
        }

        /** Null when nothing was shared for the bucket. */
        static Bucket fromMap(Map<String, ?> map) {
            if (map == null || map.isEmpty()) {
                return null;
            }
            OffsetVersions.require(map, VERSION, "shared listing");
            try {
                return new Bucket(decode(map.get(LISTED_KEY)), decode(map.get(MEMBERS_KEY)));
            } catch (RuntimeException e) {
                throw new ConnectException("a shared listing source offset is corrupt: " + e.getMessage(), e);
            }
        }

        private static VideoIdSet decode(Object encoded) {
            return VideoIdSet.decode(Base64.getDecoder().decode((String) encoded));
        }
    }
}
