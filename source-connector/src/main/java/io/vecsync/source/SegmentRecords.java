/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.core.Float32Codec;
import io.vecsync.core.FloatListView;
import io.vecsync.core.SegmentSchema;
import io.vecsync.core.Timecodes;
import io.vecsync.core.VectorEncoding;
import io.vecsync.platform.SegmentEmbedding;
import io.vecsync.platform.Video;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/** Builds the segment values the source emits. */
final class SegmentRecords {

    private final VectorEncoding encoding;
    private final Schema valueSchema;

    SegmentRecords(VectorEncoding encoding) {
        this.encoding = encoding;
        this.valueSchema = SegmentSchema.value(encoding);
    }

    Schema valueSchema() {
        return valueSchema;
    }

    /** The value of one segment record. */
    Struct value(String segmentId, Video video, SegmentEmbedding segment) {
        return new Struct(valueSchema)
                .put(SegmentSchema.ID, segmentId)
                .put(SegmentSchema.VIDEO_ID, video.id())
                .put(SegmentSchema.START, segment.start())
                .put(SegmentSchema.END, segment.end())
                .put(SegmentSchema.START_SECONDS, Timecodes.toSeconds(segment.start()))
                .put(SegmentSchema.END_SECONDS, Timecodes.toSeconds(segment.end()))
                .put(
                        SegmentSchema.EMBEDDING,
                        encoding == VectorEncoding.FLOAT32_LE
                                ? Float32Codec.encode(segment.embedding())
                                : new FloatListView(segment.embedding()))
                .put(SegmentSchema.EMBEDDING_OPTION, segment.option())
                .put(SegmentSchema.EMBEDDING_SCOPE, segment.scope())
                .put(SegmentSchema.VIDEO_NAME, video.name())
                .put(SegmentSchema.CREATED_AT, video.createdAtText())
                .put(SegmentSchema.HLS_PLAYLIST_URL, video.hlsPlaylistUrl())
                .put(SegmentSchema.THUMBNAIL_URL, video.thumbnailUrl());
    }
}
