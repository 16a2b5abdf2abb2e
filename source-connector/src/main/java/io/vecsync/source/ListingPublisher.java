/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * The walking task's side of shared reconciliation. Only the task that owns shard 0 walks the whole listing at the
 * reconciliation interval; it collects every done video in scope by index bucket (16 bytes a video while the walk
 * runs) and, once a walk is complete, publishes the buckets that changed and a head per shard as source offsets, so
 * the other tasks reconcile from the offsets topic instead of walking themselves (see {@link SharedReconciliation}).
 * Publishing sorts every bucket: it runs on the discovery thread, never in poll().
 */
final class ListingPublisher {

    private static final int BUCKETS = Shards.COUNT * IndexOffset.BUCKETS_PER_SHARD;

    private final long[] publishedListed = new long[BUCKETS];
    private final long[] publishedMembers = new long[BUCKETS];
    private final BitSet membersWritten = new BitSet(BUCKETS);
    private VideoIdSet[] listed;
    private VideoIdSet[] members;
    private long listedCount;
    private long membersCount;
    private long lastWalk;

    /** Starts from the hashes last published, so a restart republishes only what changed. */
    ListingPublisher(OffsetStorageReader reader) {
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (int shard = 0; shard < Shards.COUNT; shard++) {
            partitions.add(ListingOffset.headPartition(shard));
        }
        Map<Map<String, Object>, Map<String, Object>> heads = reader.offsets(partitions);
        for (int shard = 0; shard < Shards.COUNT; shard++) {
            ListingOffset.Head head = ListingOffset.Head.fromMap(heads.get(ListingOffset.headPartition(shard)));
            if (head != null) {
                lastWalk = Math.max(lastWalk, head.walk());
                System.arraycopy(
                        head.listedHashes(),
                        0,
                        publishedListed,
                        shard * IndexOffset.BUCKETS_PER_SHARD,
                        IndexOffset.BUCKETS_PER_SHARD);
                System.arraycopy(
                        head.memberHashes(),
                        0,
                        publishedMembers,
                        shard * IndexOffset.BUCKETS_PER_SHARD,
                        IndexOffset.BUCKETS_PER_SHARD);
            }
        }
    }

    /** A full walk starts: what the last one collected is dropped. */
    void begin() {
        listed = new VideoIdSet[BUCKETS];
        members = new VideoIdSet[BUCKETS];
        listedCount = 0;
        membersCount = 0;
    }

    /** The walk listed a done video in scope. */
    void listed(UUID id) {
        if (listed != null) {
            set(listed, id).add(id);
            listedCount++;
        }
    }

    /** The walk read a member of the collection in scope. */
    void member(UUID id) {
        if (members != null) {
            set(members, id).add(id);
            membersCount++;
        }
    }

    /** Bytes of the ids collected by the walk under way. */
    long bytes() {
        return listed == null ? 0 : 16 * (listedCount + membersCount);
    }

    /** The walk ended without a complete listing: nothing is shared from it. */
    void abandon() {
        listed = null;
        members = null;
    }

    /**
     * The carriers of a complete walk: each bucket that changed since the last walk shared, then every shard's head.
     * Heads name the bucket hashes, so a task that reads a head before the buckets it names can tell.
     */
    List<SourceRecord> publish(long walkStartedAt, String topic) {
        if (listed == null) {
            return List.of();
        }
        // Walks are told apart by their start; a worker whose clock is behind the last one's still makes a newer walk.
        long walk = Math.max(walkStartedAt, lastWalk + 1);
        lastWalk = walk;
        List<SourceRecord> carriers = new ArrayList<>();
        for (int shard = 0; shard < Shards.COUNT; shard++) {
            long[] listedHashes = new long[IndexOffset.BUCKETS_PER_SHARD];
            long[] memberHashes = new long[IndexOffset.BUCKETS_PER_SHARD];
            for (int bucket = 0; bucket < IndexOffset.BUCKETS_PER_SHARD; bucket++) {
                int key = shard * IndexOffset.BUCKETS_PER_SHARD + bucket;
                VideoIdSet bucketListed = orEmpty(listed[key]).seal();
                VideoIdSet bucketMembers = orEmpty(members[key]).seal();
                listedHashes[bucket] = bucketListed.hash();
                memberHashes[bucket] = bucketMembers.hash();
                boolean listedChanged = listedHashes[bucket] != publishedListed[key];
                if (listedChanged) {
                    carriers.add(OffsetCarriers.carrier(
                            topic,
                            ListingOffset.bucketPartition(shard, bucket),
                            ListingOffset.Bucket.toMap(bucketListed)));
                    publishedListed[key] = listedHashes[bucket];
                }
                // A bucket record written before members had their own partition held them: rewriting it moves them.
                if (memberHashes[bucket] != publishedMembers[key]
                        || (listedChanged && memberHashes[bucket] != 0 && !membersWritten.get(key))) {
                    membersWritten.set(key);
                    carriers.add(OffsetCarriers.carrier(
                            topic,
                            ListingOffset.membersPartition(shard, bucket),
                            ListingOffset.Bucket.toMap(bucketMembers)));
                    publishedMembers[key] = memberHashes[bucket];
                }
            }
            carriers.add(OffsetCarriers.carrier(
                    topic,
                    ListingOffset.headPartition(shard),
                    new ListingOffset.Head(walk, listedCount, listedHashes, memberHashes).toMap()));
        }
        abandon();
        return carriers;
    }

    private static VideoIdSet set(VideoIdSet[] sets, UUID id) {
        int key = Shards.of(id) * IndexOffset.BUCKETS_PER_SHARD + IndexOffset.bucketOf(id);
        if (sets[key] == null) {
            sets[key] = new VideoIdSet();
        }
        return sets[key];
    }

    private static VideoIdSet orEmpty(VideoIdSet set) {
        return set == null ? new VideoIdSet() : set;
    }
}
