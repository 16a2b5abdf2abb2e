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
 * The source offsets through which one task shares its walks of the listing with the others. Full walks (see
 * {@link ListingPublisher}): per shard, a head naming the walk and each bucket's hashes; per index bucket, the ids the
 * walk listed in it and, with a collection in scope, the members in it, written only when they changed. A head is
 * under 2 KB; a bucket holds 16 bytes a listed video, as does a bucket's members. Recent walks (see {@link RecentPublisher}): one head naming the walk and each shard's hash, under 1 KB, and per shard
 * the ids the walk listed in it, written only when they changed.
 */
public final class ListingOffset {

    public static final String PARTITION_KEY = "listing";
    public static final int VERSION = 1;
    private static final String WALK_KEY = "walk";
    private static final String LISTED_KEY = "listed";
    private static final String HASHES_KEY = "hashes";
    private static final String MEMBERS_KEY = "members";
    private static final String START_KEY = "start";
    private static final String IDS_KEY = "ids";
    private static final String RECENT = "recent";

    private ListingOffset() {}

    static Map<String, Object> headPartition(int shard) {
        return Map.of(PARTITION_KEY, Integer.toString(shard));
    }

    static Map<String, Object> bucketPartition(int shard, int bucket) {
        return Map.of(PARTITION_KEY, shard + "." + bucket);
    }

    static Map<String, Object> membersPartition(int shard, int bucket) {
        return Map.of(PARTITION_KEY, "members." + shard + "." + bucket);
    }

    static Map<String, Object> recentHeadPartition() {
        return Map.of(PARTITION_KEY, RECENT);
    }

    static Map<String, Object> recentShardPartition(int shard) {
        return Map.of(PARTITION_KEY, RECENT + "." + shard);
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

    /**
     * The ids one walk listed in one index bucket, or the collection members in it: each in its own partition, so that
     * a record holds one bucket's share of the library, 16 bytes a video, about 52 KB of base64 at ten million videos.
     * Records written before members had their own partition carry them too; they are read from there.
     */
    record Bucket(VideoIdSet listed, VideoIdSet members) {

        static Map<String, Object> toMap(VideoIdSet ids) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(OffsetVersions.KEY, VERSION);
            map.put(LISTED_KEY, Base64.getEncoder().encodeToString(ids.encode()));
            return map;
        }

        /**
         * Null when nothing was shared for the bucket.
         *
         * @param membersMap the bucket's members partition; null when none was written
         */
        static Bucket fromMaps(Map<String, ?> listedMap, Map<String, ?> membersMap) {
            if (listedMap == null || listedMap.isEmpty()) {
                return null;
            }
            OffsetVersions.require(listedMap, VERSION, "shared listing");
            try {
                Object members = membersMap != null && !membersMap.isEmpty()
                        ? membersMap.get(LISTED_KEY)
                        : listedMap.get(MEMBERS_KEY);
                return new Bucket(
                        decode(listedMap.get(LISTED_KEY)), members == null ? new VideoIdSet() : decode(members));
            } catch (RuntimeException e) {
                throw new ConnectException("a shared listing source offset is corrupt: " + e.getMessage(), e);
            }
        }

        private static VideoIdSet decode(Object encoded) {
            return VideoIdSet.decode(Base64.getDecoder().decode((String) encoded));
        }
    }

    /**
     * The last recent walk shared.
     *
     * @param walk         a number larger for newer walks
     * @param startTime    the walk's start_time, epoch ms; -1 when it listed from the start of the library
     * @param shardHashes  per shard, the {@link VideoIdSet#hash()} of the ids the walk listed in it
     */
    record RecentHead(long walk, long startTime, long[] shardHashes) {

        Map<String, Object> toMap() {
            ByteBuffer hashes = ByteBuffer.allocate(Shards.COUNT * 8);
            for (long hash : shardHashes) {
                hashes.putLong(hash);
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(OffsetVersions.KEY, VERSION);
            map.put(WALK_KEY, walk);
            map.put(START_KEY, startTime);
            map.put(HASHES_KEY, Base64.getEncoder().encodeToString(hashes.array()));
            return map;
        }

        /** Null when nothing was shared yet. */
        static RecentHead fromMap(Map<String, ?> map) {
            if (map == null || map.isEmpty()) {
                return null;
            }
            OffsetVersions.require(map, VERSION, "shared listing");
            try {
                ByteBuffer hashes = ByteBuffer.wrap(Base64.getDecoder().decode((String) map.get(HASHES_KEY)));
                long[] shardHashes = new long[Shards.COUNT];
                for (int shard = 0; shard < Shards.COUNT; shard++) {
                    shardHashes[shard] = hashes.getLong();
                }
                return new RecentHead(
                        ((Number) map.get(WALK_KEY)).longValue(),
                        ((Number) map.get(START_KEY)).longValue(),
                        shardHashes);
            } catch (RuntimeException e) {
                throw new ConnectException("a shared listing source offset is corrupt: " + e.getMessage(), e);
            }
        }
    }

    /** The ids one recent walk listed in one shard. */
    record RecentShard(VideoIdSet ids) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(OffsetVersions.KEY, VERSION);
            map.put(IDS_KEY, Base64.getEncoder().encodeToString(ids.encode()));
            return map;
        }

        /** An empty set when nothing was shared for the shard. */
        static VideoIdSet idsFromMap(Map<String, ?> map) {
            if (map == null || map.isEmpty()) {
                return new VideoIdSet();
            }
            OffsetVersions.require(map, VERSION, "shared listing");
            try {
                return VideoIdSet.decode(Base64.getDecoder().decode((String) map.get(IDS_KEY)));
            } catch (RuntimeException e) {
                throw new ConnectException("a shared listing source offset is corrupt: " + e.getMessage(), e);
            }
        }
    }
}
