/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Which videos of its shards a task has synced, with their flags: loaded from the shards' index-bucket offsets at
 * start, kept in memory at 17 bytes a video, and written back bucket by bucket, only the buckets that changed.
 */
final class VideoIndex {

    private final Map<Integer, IndexBucket> buckets = new TreeMap<>();
    private final TreeSet<Integer> changed = new TreeSet<>();
    /** Buckets whose changes may wait for the next offset commit: nothing is lost if a crash forgets them. */
    private final TreeSet<Integer> deferred = new TreeSet<>();

    private List<Integer> sweepKeys = List.of();
    private int sweepAt;

    /** Loads the committed buckets of the given shards. */
    VideoIndex(Collection<Integer> shards, OffsetStorageReader reader) {
        List<Map<String, Object>> partitions = new ArrayList<>();
        for (int shard : shards) {
            for (int bucket = 0; bucket < IndexOffset.BUCKETS_PER_SHARD; bucket++) {
                partitions.add(IndexOffset.partition(shard, bucket));
            }
        }
        Map<Map<String, Object>, Map<String, Object>> committed = reader.offsets(partitions);
        for (int shard : shards) {
            for (int bucket = 0; bucket < IndexOffset.BUCKETS_PER_SHARD; bucket++) {
                buckets.put(
                        key(shard, bucket), IndexOffset.fromMap(committed.get(IndexOffset.partition(shard, bucket))));
            }
        }
    }

    boolean owns(UUID id) {
        return buckets.containsKey(keyOf(id));
    }

    /** The video's flags, or -1 when it is not in the index. */
    int flags(UUID id) {
        IndexBucket bucket = bucket(id);
        int position = bucket.find(id);
        return position < 0 ? -1 : bucket.flags(position);
    }

    /** Adds the video with the flags, or replaces its flags. */
    void put(UUID id, byte flags) {
        if (bucket(id).put(id, flags)) {
            changed.add(keyOf(id));
        }
    }

    /** Sets and clears flag bits of a video in the index; nothing when it is not. */
    void mark(UUID id, byte set, byte clear) {
        IndexBucket bucket = bucket(id);
        int position = bucket.find(id);
        if (position >= 0 && bucket.mark(position, set, clear)) {
            changed.add(keyOf(id));
        }
    }

    /** Clears flag bits of a video in the index, writing the change with a later one; see {@link #writeDeferred()}. */
    void clearLater(UUID id, byte clear) {
        IndexBucket bucket = bucket(id);
        int position = bucket.find(id);
        if (position >= 0 && bucket.mark(position, (byte) 0, clear)) {
            deferred.add(keyOf(id));
        }
    }

    void remove(UUID id) {
        if (removeFrom(id)) {
            changed.add(keyOf(id));
        }
    }

    /** Removes a video, writing the change with a later one; see {@link #writeDeferred()}. */
    void removeLater(UUID id) {
        if (removeFrom(id)) {
            deferred.add(keyOf(id));
        }
    }

    /** The deferred changes go out with the next carriers. */
    void writeDeferred() {
        changed.addAll(deferred);
        deferred.clear();
    }

    private boolean removeFrom(UUID id) {
        IndexBucket bucket = bucket(id);
        int position = bucket.find(id);
        if (position < 0) {
            return false;
        }
        bucket.remove(position);
        return true;
    }

    /** Starts a sweep over every bucket; see {@link #sweep}. */
    void startSweep() {
        sweepKeys = List.copyOf(buckets.keySet());
        sweepAt = 0;
    }

    /** Whether a sweep has not visited the video's bucket yet. */
    boolean awaitsSweep(UUID id) {
        return sweepAt < sweepKeys.size() && Collections.binarySearch(sweepKeys, keyOf(id)) >= sweepAt;
    }

    /**
     * Visits the next {@code maxBuckets} buckets of the sweep: hands every video with none of the {@code without} bits
     * to the action (when there is one), then clears the {@code clear} bits of the bucket. True once every bucket is
     * visited. Sweeping a few buckets a poll keeps a poll's work independent of the library's size.
     */
    boolean sweep(int maxBuckets, byte without, byte clear, Consumer<UUID> action) {
        for (int visited = 0; visited < maxBuckets && sweepAt < sweepKeys.size(); visited++, sweepAt++) {
            IndexBucket bucket = buckets.get(sweepKeys.get(sweepAt));
            if (action != null) {
                for (int i = 0; i < bucket.size(); i++) {
                    if ((bucket.flags(i) & without) == 0) {
                        action.accept(bucket.id(i));
                    }
                }
            }
            bucket.clearAll(clear);
        }
        return sweepAt >= sweepKeys.size();
    }

    /** Hands every video with none of the flag bits to the action. */
    void forEachWithout(byte flags, Consumer<UUID> action) {
        for (IndexBucket bucket : buckets.values()) {
            for (int i = 0; i < bucket.size(); i++) {
                if ((bucket.flags(i) & flags) == 0) {
                    action.accept(bucket.id(i));
                }
            }
        }
    }

    /** A bucket of an owned shard, to read only. */
    IndexBucket bucket(int shard, int bucket) {
        return buckets.get(key(shard, bucket));
    }

    int size() {
        return buckets.values().stream().mapToInt(IndexBucket::size).sum();
    }

    /** Bytes of every bucket's arrays. */
    long bytes() {
        return buckets.values().stream().mapToLong(IndexBucket::bytes).sum();
    }

    /** One carrier record for each bucket changed since the last call, with the bucket's new offset. */
    List<SourceRecord> drainChanges(String topic) {
        List<SourceRecord> carriers = new ArrayList<>(changed.size());
        for (int key : changed) {
            int shard = key / IndexOffset.BUCKETS_PER_SHARD;
            int bucket = key % IndexOffset.BUCKETS_PER_SHARD;
            carriers.add(OffsetCarriers.carrier(
                    topic, IndexOffset.partition(shard, bucket), IndexOffset.toMap(buckets.get(key))));
        }
        deferred.removeAll(changed);
        changed.clear();
        return carriers;
    }

    private IndexBucket bucket(UUID id) {
        IndexBucket bucket = buckets.get(keyOf(id));
        if (bucket == null) {
            throw new IllegalStateException(
                    "video " + id + " is in shard " + Shards.of(id) + ", not owned by this task");
        }
        return bucket;
    }

    private static int keyOf(UUID id) {
        return key(Shards.of(id), IndexOffset.bucketOf(id));
    }

    private static int key(int shard, int bucket) {
        return shard * IndexOffset.BUCKETS_PER_SHARD + bucket;
    }
}
