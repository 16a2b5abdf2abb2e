/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import io.vecsync.core.SegmentSchema;
import io.vecsync.core.VectorEncoding;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import io.vecsync.testing.RecordingSinkTaskContext;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkTasks;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;

/** A started simulator's live segments as the source's records, written into a store through its sink's task. */
final class SimulatorSegments {

    private SimulatorSegments() {}

    /** The segments with the source's schema and the fields the page shows: name, playlist and thumbnail links. */
    static List<SinkRecord> records(PlatformSimulator simulator) {
        SegmentRecords fixture = new SegmentRecords();
        return simulator.liveSegments().stream()
                .map(segment -> record(fixture, simulator, segment))
                .toList();
    }

    private static SinkRecord record(SegmentRecords fixture, PlatformSimulator simulator, Segment segment) {
        return fixture.segment(0)
                .of(segment.videoId(), segment.start(), segment.end())
                .vector(segment.embedding())
                .with(Map.of(
                        SegmentSchema.VIDEO_NAME, simulator.videoName(segment.videoId()),
                        SegmentSchema.HLS_PLAYLIST_URL, simulator.hlsPlaylistUrl(segment.videoId()),
                        SegmentSchema.THUMBNAIL_URL, simulator.thumbnailUrl(segment.videoId())))
                .schema(VectorEncoding.FLOAT_ARRAY)
                .record();
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
