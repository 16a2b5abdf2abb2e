package io.vecsync.pinecone;

import io.vecsync.core.SegmentIds;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.testing.RecordingSinkTaskContext;
import io.vecsync.testing.SinkTaskStarter;
import io.vecsync.testing.StoreTestHarness;
import io.vecsync.testing.pinecone.FakeIndex;
import io.vecsync.testing.pinecone.PineconeFake;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A Pinecone fake for one index name, sink tasks on it (started from any thread), and segment records for them;
 * registered as a test class's extension, it resets after each test and closes the fake after the last.
 */
final class PineconeTasks extends StoreTestHarness {

    static final String VIDEO = "a249266f-052d-4148-bc2f-3efa76dc4269";

    private final PineconeFake fake;
    private final String index;
    private final SinkTaskStarter<VectorSinkTask> tasks = new SinkTaskStarter<>(PineconeSinkTask::new);
    private long offset;

    PineconeTasks(String index, String apiKey) {
        this.fake = PineconeFake.start(apiKey);
        this.index = index;
    }

    PineconeFake fake() {
        return fake;
    }

    FakeIndex index() {
        return fake.index(index).orElseThrow();
    }

    /** Config for the fake with fast retries, plus the extra props. */
    Map<String, String> props(int dimension, Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(PineconeTestProps.of(fake, index));
        props.put(CommonSinkConfig.EMBEDDING_DIMENSION, Integer.toString(dimension));
        props.putAll(SinkTaskStarter.QUICK_RETRIES);
        props.putAll(extra);
        return props;
    }

    VectorSinkTask start(int dimension, Map<String, String> extra) {
        return tasks.start(props(dimension, extra));
    }

    RecordingSinkTaskContext lastContext() {
        return tasks.lastContext();
    }

    static String id(int segment) {
        return SegmentIds.documented(VIDEO, time(segment), time(segment + 1)).toString();
    }

    private static String time(int segment) {
        return String.format("%02d:%02d:%02d", segment / 360, segment / 6 % 60, segment % 6 * 10);
    }

    /** A unit vector that differs per seed. */
    static float[] vector(int seed, int dimension) {
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

    SinkRecord segment(String topic, int segment, int dimension) {
        return segment(topic, segment, vector(segment, dimension), Map.of());
    }

    SinkRecord segment(String topic, int segment, float[] vector, Map<String, Object> extraFields) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", id(segment));
        value.put("video_id", VIDEO);
        value.put("start", time(segment));
        value.put("end", time(segment + 1));
        value.put("start_seconds", segment * 10.0);
        value.put("end_seconds", segment * 10.0 + 10);
        value.put("embedding_option", "visual");
        List<Double> embedding = new ArrayList<>();
        for (float v : vector) {
            embedding.add((double) v);
        }
        value.put("embedding", embedding);
        value.putAll(extraFields);
        return new SinkRecord(topic, 0, Schema.STRING_SCHEMA, id(segment), null, value, offset++);
    }

    SinkRecord tombstone(String topic, int segment) {
        return new SinkRecord(topic, 0, Schema.STRING_SCHEMA, id(segment), null, null, offset++);
    }

    /** Stops the tasks and drops the index and the faults: a clean slate for the next test. */
    @Override
    public void reset() {
        tasks.close();
        fake.clearFaults();
        fake.describesUntilReady(0);
        fake.deleteIndex(index);
    }

    @Override
    protected void release() {
        fake.close();
    }
}
