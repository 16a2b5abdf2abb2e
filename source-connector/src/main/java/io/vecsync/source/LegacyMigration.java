/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.InflaterInputStream;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Moves version-1 state (one offset per shard holding every video of the shard) to version 2 (one offset per video
 * and an index). A video that already has a version-2 offset keeps it, so running the migration twice (after a
 * crash part-way) changes nothing; the shard's old offset is deleted last.
 */
final class LegacyMigration {

    static final String SHARD_PARTITION_KEY = "shard";
    static final String STATE_KEY = "state";
    static final int VERSION = 1;

    private LegacyMigration() {}

    /** The shard's version-1 source partition. */
    static Map<String, Object> shardPartition(int shard) {
        return Map.of(SHARD_PARTITION_KEY, Integer.toString(shard));
    }

    /**
     * Reads the shards' version-1 offsets, puts their videos in the index and their offsets in {@code states}, and
     * returns the carriers that write the videos' new offsets, the index and, last, the deletion of the old offsets;
     * empty when there is nothing to migrate.
     */
    static List<SourceRecord> carriers(
            Collection<Integer> shards,
            OffsetStorageReader reader,
            VideoIndex index,
            VideoStates states,
            String topic) {
        List<Map<String, Object>> partitions =
                shards.stream().map(LegacyMigration::shardPartition).toList();
        Map<Map<String, Object>, Map<String, Object>> committed = reader.offsets(partitions);
        List<SourceRecord> videoCarriers = new ArrayList<>();
        List<SourceRecord> shardDeletions = new ArrayList<>();
        for (Map<String, Object> partition : partitions) {
            Map<String, Object> offset = committed.get(partition);
            if (offset == null || offset.isEmpty()) {
                continue;
            }
            OffsetVersions.require(offset, VERSION, "shard");
            List<LegacyVideo> videos = decode(offset);
            Map<Map<String, Object>, Map<String, Object>> existing = reader.offsets(
                    videos.stream().map(v -> VideoOffset.partition(v.id())).toList());
            for (LegacyVideo video : videos) {
                Map<String, Object> videoPartition = VideoOffset.partition(video.id());
                if (existing.get(videoPartition) == null) {
                    // The fingerprint is unknown: a re-verification of a migrated video emits it once more.
                    VideoOffset migrated = new VideoOffset(video.scheme(), 0L, video.segments());
                    videoCarriers.add(OffsetCarriers.carrier(topic, videoPartition, migrated.toMap()));
                    states.emitted(video.id(), migrated, 1);
                }
                UUID id = UUID.fromString(video.id());
                if (index.flags(id) < 0) {
                    index.put(id, video.stale() ? IndexBucket.STALE : 0);
                }
            }
            shardDeletions.add(OffsetCarriers.carrier(topic, partition, null));
        }
        List<SourceRecord> all = new ArrayList<>(videoCarriers);
        all.addAll(index.drainChanges(topic));
        all.addAll(shardDeletions);
        return all;
    }

    @SuppressWarnings("EnumOrdinal") // the legacy format stored the scheme's ordinal
    private static List<LegacyVideo> decode(Map<String, Object> offset) {
        byte[] bytes = Base64.getDecoder().decode((String) offset.get(STATE_KEY));
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes)))) {
            int count = in.readInt();
            List<LegacyVideo> videos = new ArrayList<>(count);
            for (int v = 0; v < count; v++) {
                String id = in.readUTF();
                in.readUTF(); // the version field of the listing, which the documented contract does not have
                SegmentIdScheme scheme = SegmentIdScheme.values()[in.readByte()];
                boolean stale = in.readBoolean();
                videos.add(new LegacyVideo(id, scheme, stale, VideoOffset.readSegments(in)));
            }
            return videos;
        } catch (IOException | RuntimeException e) {
            throw new ConnectException("a version-1 shard offset is corrupt: " + e.getMessage(), e);
        }
    }

    private record LegacyVideo(String id, SegmentIdScheme scheme, boolean stale, List<SegmentKey> segments) {}
}
