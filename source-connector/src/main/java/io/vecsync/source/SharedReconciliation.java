/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * A non-walking task's side of shared reconciliation: reads the heads of its shards that {@link ListingPublisher}
 * wrote, compares each bucket's listed hash with its own index bucket's, and reads only the buckets that differ. A task
 * whose library is unchanged reads its heads and hashes its index; it sends no listing request.
 */
final class SharedReconciliation {

    /**
     * What a newer shared walk says about the task's shards.
     *
     * @param walk     when that walk started
     * @param listed   done videos in scope the walk listed in the whole library
     * @param unsynced listed videos the task must fetch
     * @param unlisted synced videos the walk did not list, to ask the platform about
     * @param members  the collection members in the buckets that differed; empty without a collection
     */
    record Differences(long walk, long listed, List<UUID> unsynced, List<UUID> unlisted, Set<String> members) {}

    private final List<Integer> shards;
    private final OffsetStorageReader reader;
    private final Map<Integer, Long> reconciledWalk = new HashMap<>();

    SharedReconciliation(List<Integer> shards, OffsetStorageReader reader) {
        this.shards = List.copyOf(shards);
        this.reader = reader;
    }

    /** Whether any of the task's shards has a shared walk yet. */
    boolean anyShared() {
        return heads().values().stream().anyMatch(head -> head != null);
    }

    /**
     * The differences from the newest shared walk, once every shard of the task has one newer than it reconciled and
     * every bucket that differs is readable as that walk's; null until then.
     */
    Differences reconcile(SyncLedger ledger) {
        Map<Integer, ListingOffset.Head> heads = heads();
        long walk = heads.values().stream()
                .mapToLong(head -> head == null ? 0 : head.walk())
                .min()
                .orElse(0);
        if (walk == 0
                || shards.stream()
                        .allMatch(shard -> reconciledWalk.getOrDefault(shard, 0L)
                                >= heads.get(shard).walk())) {
            return null;
        }
        List<UUID> unsynced = new ArrayList<>();
        List<UUID> unlisted = new ArrayList<>();
        Set<String> members = new HashSet<>();
        long listed = 0;
        for (int shard : shards) {
            ListingOffset.Head head = heads.get(shard);
            listed = Math.max(listed, head.listed());
            if (!differences(shard, head, ledger, unsynced, unlisted, members)) {
                return null;
            }
        }
        shards.forEach(shard -> reconciledWalk.put(shard, heads.get(shard).walk()));
        return new Differences(walk, listed, unsynced, unlisted, members);
    }

    /** Adds one shard's differences; false when a bucket the head names is not readable yet. */
    private boolean differences(
            int shard,
            ListingOffset.Head head,
            SyncLedger ledger,
            List<UUID> unsynced,
            List<UUID> unlisted,
            Set<String> members) {
        List<Integer> differing = new ArrayList<>();
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (int bucket = 0; bucket < IndexOffset.BUCKETS_PER_SHARD; bucket++) {
            if (ledger.indexHash(shard, bucket) != head.listedHashes()[bucket]) {
                differing.add(bucket);
                partitions.add(ListingOffset.bucketPartition(shard, bucket));
                partitions.add(ListingOffset.membersPartition(shard, bucket));
            }
        }
        if (differing.isEmpty()) {
            return true;
        }
        Map<Map<String, Object>, Map<String, Object>> offsets = reader.offsets(partitions);
        for (int bucket : differing) {
            ListingOffset.Bucket shared = ListingOffset.Bucket.fromMaps(
                    offsets.get(ListingOffset.bucketPartition(shard, bucket)),
                    offsets.get(ListingOffset.membersPartition(shard, bucket)));
            VideoIdSet listedIds = shared == null ? new VideoIdSet() : shared.listed();
            VideoIdSet memberIds = shared == null ? new VideoIdSet() : shared.members();
            // Offsets become readable in no set order: a bucket older than its head waits for the next look.
            if (listedIds.hash() != head.listedHashes()[bucket] || memberIds.hash() != head.memberHashes()[bucket]) {
                return false;
            }
            for (int i = 0; i < listedIds.size(); i++) {
                if (ledger.needsFetch(listedIds.id(i), false)) {
                    unsynced.add(listedIds.id(i));
                }
            }
            unlisted.addAll(ledger.unlisted(shard, bucket, listedIds));
            for (int i = 0; i < memberIds.size(); i++) {
                members.add(memberIds.id(i).toString());
            }
        }
        return true;
    }

    private Map<Integer, ListingOffset.Head> heads() {
        List<Map<String, Object>> partitions =
                shards.stream().map(ListingOffset::headPartition).toList();
        Map<Map<String, Object>, Map<String, Object>> offsets = reader.offsets(partitions);
        Map<Integer, ListingOffset.Head> heads = new HashMap<>();
        shards.forEach(
                shard -> heads.put(shard, ListingOffset.Head.fromMap(offsets.get(ListingOffset.headPartition(shard)))));
        return heads;
    }
}
