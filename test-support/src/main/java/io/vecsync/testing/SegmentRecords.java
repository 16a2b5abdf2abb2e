/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vecsync.core.Float32Codec;
import io.vecsync.core.FloatListView;
import io.vecsync.core.SegmentIds;
import io.vecsync.core.SegmentSchema;
import io.vecsync.core.VectorEncoding;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The one fixture of segment records as a sink task receives them: by default one video's numbered segments, 10 s
 * each, keyed by their documented ids, schemaless as the JSON converter without schemas delivers them, on one
 * partition of {@value #TOPIC} at increasing offsets. {@link #segment} starts a builder for anything else.
 */
public final class SegmentRecords {

    public static final String VIDEO = "a249266f-052d-4148-bc2f-3efa76dc4269";
    public static final String TOPIC = "segments";

    private static final ObjectMapper JSON = new ObjectMapper();

    private long nextOffset;

    /** The documented id of the video's segment. */
    public static String id(String video, int segment) {
        return SegmentIds.documented(video, start(segment), end(segment)).toString();
    }

    public static String id(int segment) {
        return id(VIDEO, segment);
    }

    /** Where the segment starts: 10 s per segment, as HH:MM:SS. */
    public static String start(int segment) {
        int seconds = segment * 10;
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    public static String end(int segment) {
        return start(segment + 1);
    }

    /** The default vector: four values, the last one the segment's number, so that each segment's differs. */
    public static List<Double> smallVector(int segment) {
        return List.of(1.0, 0.5, 0.25, (double) segment);
    }

    /** A unit-length vector that differs per seed. */
    public static float[] unitVector(int seed, int dimension) {
        Random random = new Random(seed);
        float[] vector = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            vector[i] = (float) random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        for (int i = 0; i < dimension; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    /** The vector as the JSON converter reads an array of numbers. */
    public static List<Double> values(float[] vector) {
        List<Double> values = new ArrayList<>();
        for (float value : vector) {
            values.add((double) value);
        }
        return values;
    }

    /** A builder of the video's segment, its payload the usual fields; the record takes this fixture's next offset. */
    public Segment segment(int segment) {
        return new Segment(segment);
    }

    /** The segment's record as built by default. */
    public SinkRecord record(int segment) {
        return segment(segment).record();
    }

    /** The segment's record with extra payload fields after the usual ones. */
    public SinkRecord record(int segment, Map<String, ?> extra) {
        return segment(segment).with(extra).record();
    }

    /** The segment's record with this vector and extra payload fields. */
    public SinkRecord record(int segment, List<?> vector, Map<String, ?> extra) {
        return segment(segment).vector(vector).with(extra).record();
    }

    /** The segment's tombstone: its id as the key, no value. */
    public SinkRecord tombstone(int segment) {
        return segment(segment).tombstone();
    }

    /** The default records of segments {@code from} (inclusive) to {@code to} (exclusive). */
    public List<SinkRecord> records(int from, int to) {
        List<SinkRecord> records = new ArrayList<>();
        for (int segment = from; segment < to; segment++) {
            records.add(record(segment));
        }
        return records;
    }

    /** One segment record being built. */
    public final class Segment {

        private final Map<String, Object> value = new LinkedHashMap<>();
        private String key;
        private String topic = TOPIC;
        private int partition;
        private Long offset;
        private VectorEncoding schema;

        private Segment(int segment) {
            key = id(segment);
            value.put(SegmentSchema.ID, key);
            value.put(SegmentSchema.VIDEO_ID, VIDEO);
            value.put(SegmentSchema.START, start(segment));
            value.put(SegmentSchema.END, end(segment));
            value.put(SegmentSchema.START_SECONDS, segment * 10.0);
            value.put(SegmentSchema.EMBEDDING, smallVector(segment));
        }

        /** Moves the segment to another video and span, with the documented id of those. */
        public Segment of(String video, String start, String end) {
            key = SegmentIds.documented(video, start, end).toString();
            value.put(SegmentSchema.ID, key);
            value.put(SegmentSchema.VIDEO_ID, video);
            value.put(SegmentSchema.START, start);
            value.put(SegmentSchema.END, end);
            return this;
        }

        /** The same span of another video. */
        public Segment video(String video) {
            return of(video, (String) value.get(SegmentSchema.START), (String) value.get(SegmentSchema.END));
        }

        public Segment vector(float[] vector) {
            return with(SegmentSchema.EMBEDDING, values(vector));
        }

        public Segment vector(List<?> vector) {
            return with(SegmentSchema.EMBEDDING, vector);
        }

        /** Sets a payload field, adding or replacing it; a malformed id leaves the key the segment's id. */
        public Segment with(String field, Object fieldValue) {
            value.put(field, fieldValue);
            return this;
        }

        public Segment with(Map<String, ?> fields) {
            value.putAll(fields);
            return this;
        }

        /** Replaces the whole payload with these fields, e.g. with a different id field. */
        public Segment payload(Map<String, ?> fields) {
            value.clear();
            return with(fields);
        }

        /** Leaves a field out of the payload. */
        public Segment without(String field) {
            value.remove(field);
            return this;
        }

        public Segment topic(String topic) {
            this.topic = topic;
            return this;
        }

        public Segment partition(int partition) {
            this.partition = partition;
            return this;
        }

        /** At this offset rather than the fixture's next one. */
        public Segment offset(long offset) {
            this.offset = offset;
            return this;
        }

        /** With the source connector's value schema, the vector in this encoding, as the source's converters deliver it. */
        public Segment schema(VectorEncoding encoding) {
            this.schema = encoding;
            return this;
        }

        /** The payload as built, schemaless. */
        public Map<String, Object> value() {
            return value;
        }

        /**
         * The payload as a producer writes it for the JSON converter without schemas: as UTF-8 JSON, where a text's
         * unpaired surrogate, which UTF-8 cannot hold, is escaped (a Java string would lose it to a '?' on the way).
         */
        public String json() {
            try {
                return new String(JSON.writeValueAsBytes(value), StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        public SinkRecord record() {
            if (schema == null) {
                return new SinkRecord(topic, partition, Schema.STRING_SCHEMA, key, null, value, nextOffset());
            }
            Schema valueSchema = SegmentSchema.value(schema);
            return new SinkRecord(
                    topic, partition, Schema.STRING_SCHEMA, key, valueSchema, struct(valueSchema), nextOffset());
        }

        /** The segment's tombstone: its id as the key, no value. */
        public SinkRecord tombstone() {
            return new SinkRecord(topic, partition, Schema.STRING_SCHEMA, key, null, null, nextOffset());
        }

        private Struct struct(Schema valueSchema) {
            Struct struct = new Struct(valueSchema);
            for (Field field : valueSchema.fields()) {
                Object fieldValue = value.get(field.name());
                if (field.name().equals(SegmentSchema.EMBEDDING)) {
                    float[] vector = floats((List<?>) fieldValue);
                    struct.put(
                            field,
                            schema == VectorEncoding.FLOAT32_LE
                                    ? Float32Codec.encode(vector)
                                    : new FloatListView(vector));
                } else if (fieldValue != null) {
                    struct.put(field, fieldValue);
                }
            }
            // Required fields the payload lacks: the source always fills them.
            if (!value.containsKey(SegmentSchema.END_SECONDS)) {
                struct.put(
                        SegmentSchema.END_SECONDS, (Double) value.getOrDefault(SegmentSchema.START_SECONDS, 0.0) + 10);
            }
            return struct;
        }

        private long nextOffset() {
            return offset != null ? offset : nextOffset++;
        }
    }

    private static float[] floats(List<?> values) {
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = ((Number) values.get(i)).floatValue();
        }
        return vector;
    }
}
