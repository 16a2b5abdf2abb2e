/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.core.SegmentSchema;
import io.vecsync.platform.SegmentEmbedding;
import io.vecsync.platform.Video;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The records of one video: a new version's upserts and the tombstones of the segments it no longer has, or a
 * retraction's tombstones. All carry the video's partition; the last carries its new offset, the others the one
 * before, so Connect commits the new offset only once every record of the video is written.
 */
final class VideoRecords {

    private final String topic;
    private final SegmentRecords segmentRecords;

    VideoRecords(String topic, SegmentRecords segmentRecords) {
        this.topic = topic;
        this.segmentRecords = segmentRecords;
    }

    /**
     * @param before the offset emitted last for the video, or null
     * @param after  the offset of this version, or null when it has no segments
     */
    List<SourceRecord> version(
            Video video,
            List<SegmentEmbedding> segments,
            List<String> ids,
            List<String> retracted,
            Map<String, Object> before,
            Map<String, Object> after) {
        Map<String, Object> partition = VideoOffset.partition(video.id());
        int count = ids.size() + retracted.size();
        List<SourceRecord> records = new ArrayList<>(count);
        for (int i = 0; i < ids.size(); i++) {
            records.add(new SourceRecord(
                    partition,
                    records.size() == count - 1 ? after : before,
                    topic,
                    null,
                    SegmentSchema.KEY,
                    ids.get(i),
                    segmentRecords.valueSchema(),
                    segmentRecords.value(ids.get(i), video, segments.get(i))));
        }
        for (String segmentId : retracted) {
            records.add(tombstone(partition, segmentId, records.size() == count - 1 ? after : before));
        }
        return records;
    }

    /** Tombstones for every segment id; the last carries a null offset, so Connect deletes the video's offset. */
    List<SourceRecord> retraction(String videoId, List<String> segmentIds, Map<String, Object> before) {
        Map<String, Object> partition = VideoOffset.partition(videoId);
        List<SourceRecord> records = new ArrayList<>(segmentIds.size());
        for (String segmentId : segmentIds) {
            records.add(tombstone(partition, segmentId, records.size() == segmentIds.size() - 1 ? null : before));
        }
        return records;
    }

    private SourceRecord tombstone(Map<String, Object> partition, String segmentId, Map<String, Object> offset) {
        return new SourceRecord(partition, offset, topic, null, SegmentSchema.KEY, segmentId, null, null);
    }
}
