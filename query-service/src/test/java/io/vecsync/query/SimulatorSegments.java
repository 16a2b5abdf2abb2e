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
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;

/** A started simulator's live segments as the source's records, written into a store through its sink's task. */
final class SimulatorSegments {

    private SimulatorSegments() {}

    /** The segments with the source's schema and the fields the page shows: name, playlist and thumbnail links. */
    static List<SinkRecord> records(PlatformSimulator simulator) {
        return records(simulator, simulator.baseUrl());
    }

    /** The same, with links on {@code platformBaseUrl}: the platform as the service reaches it, e.g. through a proxy. */
    static List<SinkRecord> records(PlatformSimulator simulator, String platformBaseUrl) {
        SegmentRecords fixture = new SegmentRecords();
        return simulator.liveSegments().stream()
                .map(segment -> record(fixture, simulator, segment, platformBaseUrl))
                .toList();
    }

    private static SinkRecord record(
            SegmentRecords fixture, PlatformSimulator simulator, Segment segment, String platformBaseUrl) {
        return fixture.segment(0)
                .of(segment.videoId(), segment.start(), segment.end())
                .vector(segment.embedding())
                .with(Map.of(
                        SegmentSchema.VIDEO_NAME,
                        simulator.videoName(segment.videoId()),
                        SegmentSchema.HLS_PLAYLIST_URL,
                        on(platformBaseUrl, simulator.hlsPlaylistUrl(segment.videoId())),
                        SegmentSchema.THUMBNAIL_URL,
                        on(platformBaseUrl, simulator.thumbnailUrl(segment.videoId()))))
                .schema(VectorEncoding.FLOAT_ARRAY)
                .record();
    }

    private static String on(String baseUrl, String url) {
        URI link = URI.create(url);
        return baseUrl + link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
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
