/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import io.vecsync.core.FloatListView;
import io.vecsync.core.SegmentIds;
import io.vecsync.core.SegmentSchema;
import io.vecsync.core.VectorEncoding;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import io.vecsync.testing.RecordingSinkTaskContext;
import io.vecsync.testing.SinkTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;

/** A started simulator's live segments as the source's records, written into a store through its sink's task. */
final class SegmentRecords {

    private SegmentRecords() {}

    static List<SinkRecord> of(PlatformSimulator simulator) {
        List<SinkRecord> records = new ArrayList<>();
        Schema schema = SegmentSchema.value(VectorEncoding.FLOAT_ARRAY);
        for (Segment segment : simulator.liveSegments()) {
            String id = SegmentIds.documented(segment.videoId(), segment.start(), segment.end())
                    .toString();
            Struct value = new Struct(schema)
                    .put(SegmentSchema.ID, id)
                    .put(SegmentSchema.VIDEO_ID, segment.videoId())
                    .put(SegmentSchema.START, segment.start())
                    .put(SegmentSchema.END, segment.end())
                    .put(SegmentSchema.START_SECONDS, 0.0)
                    .put(SegmentSchema.END_SECONDS, 10.0)
                    .put(SegmentSchema.EMBEDDING, new FloatListView(segment.embedding()))
                    .put(SegmentSchema.VIDEO_NAME, simulator.videoName(segment.videoId()))
                    .put(SegmentSchema.HLS_PLAYLIST_URL, simulator.hlsPlaylistUrl(segment.videoId()))
                    .put(SegmentSchema.THUMBNAIL_URL, simulator.thumbnailUrl(segment.videoId()));
            records.add(new SinkRecord("segments", 0, Schema.STRING_SCHEMA, id, schema, value, records.size()));
        }
        return records;
    }

    /** Writes the records with a task of the sink, configured with the props, and stops it. */
    static void write(SinkConnector sink, Map<String, String> props, List<SinkRecord> records)
            throws ReflectiveOperationException {
        VectorSinkTask task =
                (VectorSinkTask) sink.taskClass().getDeclaredConstructor().newInstance();
        task.initialize(new RecordingSinkTaskContext(props));
        task.start(props);
        SinkTasks.write(task, records);
        task.stop();
    }
}
