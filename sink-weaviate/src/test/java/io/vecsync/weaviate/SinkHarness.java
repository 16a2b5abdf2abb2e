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
 * Sink tasks against one Weaviate — the real server, or the fake for what a server cannot be made to do — with a
 * dimension of 4 and quick retries: starts tasks, makes schemaless segment records, and — registered as a test class's
 * extension — stops everything and empties Weaviate after each test, and lets go of it after the last.
 */
final class SinkHarness extends StoreTestHarness {

    static final String COLLECTION = "HarnessSegment";
    static final String VIDEO = "a249266f-052d-4148-bc2f-3efa76dc4269";

    private final FakeWeaviate fake;
    private final String apiKey;
    private final SinkTaskStarter<VectorSinkTask> tasks = new SinkTaskStarter<>(WeaviateSinkTask::new);
    private WeaviateTestClient weaviate;
    private long offset;

    private SinkHarness(FakeWeaviate fake, String apiKey) {
        this.fake = fake;
        this.apiKey = apiKey;
    }

    /** Against the real server; its test class skips with {@link RealWeaviate} where the server is not built. */
    static SinkHarness onServer() {
        return new SinkHarness(null, null);
    }

    /** @param apiKey the key the fake wants, or null */
    static SinkHarness onFake(FakeWeaviate fake, String apiKey) {
        return new SinkHarness(fake, apiKey);
    }

    static SinkHarness onFake(FakeWeaviate fake) {
        return onFake(fake, null);
    }

    /** The Weaviate under test, reached with the official client and REST. */
    synchronized WeaviateTestClient weaviate() {
        if (weaviate == null) {
            weaviate = fake == null ? RealWeaviate.client() : new WeaviateTestClient(fake.host(), fake.httpPort(), fake.grpcPort(), apiKey);
        }
        return weaviate;
    }

    /**
     * The fake, for faults only it can be asked for.
     *
     * @throws IllegalStateException against the real server
     */
    FakeWeaviate fake() {
        if (fake == null) {
            throw new IllegalStateException("a test of the fake's faults runs against the real server");
        }
        return fake;
    }

    /** The sink's props for this Weaviate, with the overrides. */
    Map<String, String> props(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(weaviate().sinkProps());
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

    /** Stops the tasks and empties Weaviate (and the fake's faults), for the next test. */
    @Override
    public void reset() {
        tasks.close();
        if (fake != null) {
            fake.reset();
        } else if (weaviate != null) {
            weaviate.dropAll();
        }
    }

    @Override
    protected void release() {
        if (weaviate != null) {
            weaviate.close();
        }
        if (fake != null) {
            fake.close();
        }
    }
}
