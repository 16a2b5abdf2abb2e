/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * The walking task's side of shared recent walks: the task that owns shard 0 walks the recent listing for all and, after
 * each complete walk, publishes the ids it listed per shard (only the shards whose ids changed) and a head that names
 * the walk, so the other tasks find new videos without walking (see {@link SharedRecent}). The head goes out after every
 * walk, changed or not: it tells the other tasks that the walker is alive.
 */
final class RecentPublisher {

    /**
     * Ids a shard's record holds at most, the newest listed: 2,048 ids are 44 KB of base64, under a 64 KB record. Past
     * about 131,000 done videos in the recent window, the older ones are left to the full walk.
     */
    static final int MAX_IDS_PER_SHARD = 2_048;

    private final long[] published = new long[Shards.COUNT];
    private long lastWalk;
    private VideoIdSet[] listed;

    /** Starts from the hashes last published, so a restart republishes only what changed. */
    RecentPublisher(OffsetStorageReader reader) {
        Map<String, Object> partition = ListingOffset.recentHeadPartition();
        ListingOffset.RecentHead head = ListingOffset.RecentHead.fromMap(reader.offset(partition));
        if (head != null) {
            lastWalk = head.walk();
            System.arraycopy(head.shardHashes(), 0, published, 0, Shards.COUNT);
        }
    }

    /** A recent walk starts. */
    void begin() {
        listed = new VideoIdSet[Shards.COUNT];
    }

    /** The walk listed a done video in scope, in created_at order. */
    void listed(UUID id) {
        if (listed != null) {
            int shard = Shards.of(id);
            if (listed[shard] == null) {
                listed[shard] = new VideoIdSet();
            }
            listed[shard].add(id);
        }
    }

    /** The walk ended without a complete listing: nothing is shared from it. */
    void abandon() {
        listed = null;
    }

    /**
     * The carriers of a complete walk: each shard whose ids changed, then the head. Only a changed shard is sorted, so a
     * walk that found nothing new costs the task a hash comparison a shard.
     *
     * @param startTime the walk's start_time; null when it listed from the start of the library
     */
    List<SourceRecord> publish(long now, Instant startTime, String topic) {
        if (listed == null) {
            return List.of();
        }
        long walk = Math.max(now, lastWalk + 1);
        lastWalk = walk;
        List<SourceRecord> carriers = new ArrayList<>();
        for (int shard = 0; shard < Shards.COUNT; shard++) {
            VideoIdSet ids = listed[shard] == null ? new VideoIdSet() : listed[shard].newest(MAX_IDS_PER_SHARD);
            // The unsorted hash counts an id listed twice twice: only a sorted set tells whether anything changed.
            if (ids.hash() != published[shard]) {
                VideoIdSet sealed = ids.seal();
                if (sealed.hash() != published[shard]) {
                    carriers.add(OffsetCarriers.carrier(
                            topic,
                            ListingOffset.recentShardPartition(shard),
                            new ListingOffset.RecentShard(sealed).toMap()));
                    published[shard] = sealed.hash();
                }
            }
        }
        carriers.add(OffsetCarriers.carrier(
                topic,
                ListingOffset.recentHeadPartition(),
                new ListingOffset.RecentHead(walk, startTime == null ? -1 : startTime.toEpochMilli(), published.clone())
                        .toMap()));
        abandon();
        return carriers;
    }
}
