package io.vecsync.weaviate;

import io.vecsync.core.SegmentIds;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.testing.RecordingSinkTaskContext;
import io.vecsync.testing.SinkTaskStarter;
import io.vecsync.testing.StoreTestHarness;
import io.vecsync.testing.weaviate.FakeWeaviate;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sink tasks against one fake Weaviate, with a dimension of 4 and quick retries: starts tasks, makes schemaless
 * segment records, and — registered as a test class's extension — stops everything and empties the fake after each
 * test, and closes the fake after the last.
 */
final class SinkHarness extends StoreTestHarness {

    static final String COLLECTION = "HarnessSegment";
    static final String VIDEO = "a249266f-052d-4148-bc2f-3efa76dc4269";

    final FakeWeaviate fake;
    final WeaviateTestClient weaviate;
    private final SinkTaskStarter<VectorSinkTask> tasks = new SinkTaskStarter<>(WeaviateSinkTask::new);
    private long offset;

    /** @param apiKey the key the fake wants, or null */
    SinkHarness(FakeWeaviate fake, String apiKey) {
        this.fake = fake;
        this.weaviate = new WeaviateTestClient(fake.host(), fake.httpPort(), fake.grpcPort(), apiKey);
    }

    SinkHarness(FakeWeaviate fake) {
        this(fake, null);
    }

    /** The sink's props for the fake, with the overrides. */
    Map<String, String> props(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(weaviate.sinkProps());
        props.put(WeaviateSinkConfig.COLLECTION, COLLECTION);
        props.put(CommonSinkConfig.EMBEDDING_DIMENSION, "4");
        props.putAll(SinkTaskStarter.QUICK_RETRIES);
        props.putAll(overrides);
        return props;
    }

    VectorSinkTask start(Map<String, String> overrides) {
        return tasks.start(props(overrides));
    }

    /** The context of the task started last: what it sent to the dead-letter queue. */
    RecordingSinkTaskContext context() {
        return tasks.lastContext();
    }

    static String id(int segment) {
        return SegmentIds.documented(VIDEO, "00:00:" + (10 + segment), "00:00:" + (11 + segment)).toString();
    }

    /** A schemaless segment record, as the JSON converter without schemas delivers it, with extra fields. */
    SinkRecord segment(int segment, List<Double> embedding, Map<String, Object> extra) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", id(segment));
        value.put("video_id", VIDEO);
        value.put("start", "00:00:" + (10 + segment));
        value.put("end", "00:00:" + (11 + segment));
        value.put("start_seconds", 10.0 + segment);
        value.put("embedding", embedding);
        value.putAll(extra);
        return new SinkRecord("segments", 0, null, id(segment), null, value, offset++);
    }

    SinkRecord segment(int segment, Map<String, Object> extra) {
        return segment(segment, List.of(1.0, 0.5, 0.25, (double) segment), extra);
    }

    SinkRecord segment(int segment) {
        return segment(segment, Map.of());
    }

    SinkRecord tombstone(int segment) {
        return new SinkRecord("segments", 0, null, id(segment), null, null, offset++);
    }

    /** Stops the tasks and empties the fake, for the next test. */
    @Override
    public void reset() {
        tasks.close();
        fake.reset();
    }

    @Override
    protected void release() {
        weaviate.close();
        fake.close();
    }
}
