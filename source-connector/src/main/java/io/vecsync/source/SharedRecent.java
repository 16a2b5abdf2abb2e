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
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * A task's side of the recent walks another task shares (see {@link RecentPublisher}): at each look it reads the head
 * and, when a newer walk was shared, the ids listed in its own shards, and returns those it has not synced. Reading
 * costs no request to the platform: a quiet library costs one recent walk a poll interval for the whole connector.
 */
final class SharedRecent {

    /**
     * What a newer shared walk brought.
     *
     * @param startTime the walk's start_time, for when this task must walk the recent listing itself; null when it
     *                  listed from the start of the library
     * @param unsynced  the done videos in this task's shards that it must fetch
     */
    record Update(Instant startTime, List<UUID> unsynced) {}

    private final List<Integer> shards;
    private final OffsetStorageReader reader;
    private long lastWalk;

    SharedRecent(List<Integer> shards, OffsetStorageReader reader) {
        this.shards = List.copyOf(shards);
        this.reader = reader;
    }

    /** The newer walk's update; null when no walk newer than the last one taken is readable yet. */
    Update look(SyncLedger ledger) {
        ListingOffset.RecentHead head =
                ListingOffset.RecentHead.fromMap(reader.offset(ListingOffset.recentHeadPartition()));
        if (head == null || head.walk() <= lastWalk) {
            return null;
        }
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (int shard : shards) {
            if (head.shardHashes()[shard] != 0) {
                partitions.add(ListingOffset.recentShardPartition(shard));
            }
        }
        Map<Map<String, Object>, Map<String, Object>> offsets =
                partitions.isEmpty() ? Map.of() : reader.offsets(partitions);
        List<UUID> unsynced = new ArrayList<>();
        for (int shard : shards) {
            VideoIdSet ids =
                    ListingOffset.RecentShard.idsFromMap(offsets.get(ListingOffset.recentShardPartition(shard)));
            // Offsets become readable in no set order: a shard older than its head waits for the next look.
            if (ids.hash() != head.shardHashes()[shard]) {
                return null;
            }
            for (int i = 0; i < ids.size(); i++) {
                if (ledger.needsFetch(ids.id(i), false)) {
                    unsynced.add(ids.id(i));
                }
            }
        }
        lastWalk = head.walk();
        return new Update(head.startTime() < 0 ? null : Instant.ofEpochMilli(head.startTime()), unsynced);
    }
}
