/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.vecsync.core.SegmentSchema;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.pinecone.fake.FakeIndex;
import io.vecsync.pinecone.fake.FakePinecone;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.StoreTestHarness;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A Pinecone fake for one index name and sink tasks on it, of the dimension each test asks for; registered as a test
 * class's extension, it stops the tasks and drops the index and the faults after each test, and closes the fake after
 * the last.
 */
final class PineconeHarness extends StoreTestHarness<VectorSinkTask> {

    private final FakePinecone fake;
    private final String index;

    PineconeHarness(String index, String apiKey) {
        super(PineconeSinkTask::new);
        this.fake = FakePinecone.start(apiKey);
        this.index = index;
    }

    FakePinecone fake() {
        return fake;
    }

    FakeIndex index() {
        return fake.index(index).orElseThrow();
    }

    @Override
    protected Map<String, String> storeProps() {
        return PineconeTestProps.of(fake, index);
    }

    /** Config for the fake with quick retries and this dimension, plus the extra props. */
    Map<String, String> props(int dimension, Map<String, String> extra) {
        return props(withDimension(dimension, extra));
    }

    VectorSinkTask start(int dimension, Map<String, String> extra) {
        return start(withDimension(dimension, extra));
    }

    private static Map<String, String> withDimension(int dimension, Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put(CommonSinkConfig.EMBEDDING_DIMENSION, Integer.toString(dimension));
        props.putAll(extra);
        return props;
    }

    static String id(int segment) {
        return SegmentRecords.id(segment);
    }

    /** A unit vector that differs per seed. */
    static float[] vector(int seed, int dimension) {
        return SegmentRecords.unitVector(seed, dimension);
    }

    SinkRecord segment(String topic, int segment, int dimension) {
        return segment(topic, segment, vector(segment, dimension), Map.of());
    }

    /** The segment's record with every field the platform sends, on the topic. */
    SinkRecord segment(String topic, int segment, float[] vector, Map<String, Object> extraFields) {
        return records()
                .segment(segment)
                .topic(topic)
                .vector(vector)
                .with(SegmentSchema.END_SECONDS, segment * 10.0 + 10)
                .with(SegmentSchema.EMBEDDING_OPTION, "visual")
                .with(extraFields)
                .record();
    }

    SinkRecord tombstone(String topic, int segment) {
        return records().segment(segment).topic(topic).tombstone();
    }

    /** Drops the index and the faults. */
    @Override
    protected void clearStore() {
        fake.clearFaults();
        fake.describesUntilReady(0);
        fake.deleteIndex(index);
    }

    @Override
    protected void release() {
        fake.close();
    }
}
