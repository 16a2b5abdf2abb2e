package io.vecsync.testing;

import io.vecsync.core.SegmentIds;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Segment records of one video as the JSON converter without schemas delivers them, with 4-dimensional vectors, on one
 * partition at increasing offsets: what a store's test harness writes through its sink's tasks.
 */
public final class SchemalessSegments {

    public static final String VIDEO = "a249266f-052d-4148-bc2f-3efa76dc4269";
    public static final String TOPIC = "segments";

    private long offset;

    /** The documented id of the video's segment at 00:00:(10 + segment). */
    public static String id(int segment) {
        return SegmentIds.documented(VIDEO, start(segment), start(segment + 1)).toString();
    }

    /** The segment's vector: four values, the last one the segment's number. */
    public static List<Double> vector(int segment) {
        return List.of(1.0, 0.5, 0.25, (double) segment);
    }

    private static String start(int segment) {
        return "00:00:" + (10 + segment);
    }

    /** The segment's record, with extra fields after the usual ones. */
    public SinkRecord segment(int segment, Map<String, Object> extra) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", id(segment));
        value.put("video_id", VIDEO);
        value.put("start", start(segment));
        value.put("end", start(segment + 1));
        value.put("start_seconds", 10.0 + segment);
        value.put("embedding", vector(segment));
        value.putAll(extra);
        return new SinkRecord(TOPIC, 0, null, id(segment), null, value, offset++);
    }

    public SinkRecord segment(int segment) {
        return segment(segment, Map.of());
    }

    /** The segment's tombstone: its id as the key, no value. */
    public SinkRecord tombstone(int segment) {
        return new SinkRecord(TOPIC, 0, null, id(segment), null, null, offset++);
    }
}
