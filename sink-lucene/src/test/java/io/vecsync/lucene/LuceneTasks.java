package io.vecsync.lucene;

import io.vecsync.core.SegmentIds;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.testing.RecordingSinkTaskContext;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Sink tasks on one test directory, stopped together at the end, and schemaless segment records for them. */
final class LuceneTasks implements AutoCloseable {

    static final int DIMENSION = 8;
    static final String VIDEO = "a249266f-052d-4148-bc2f-3efa76dc4269";

    private final Path directory;
    private final List<LuceneSinkTask> running = new ArrayList<>();
    private RecordingSinkTaskContext lastContext;

    LuceneTasks(Path directory) {
        this.directory = directory;
    }

    /** The props every task here gets: the directory and the test dimension, plus the extras. */
    Map<String, String> props(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put(LuceneSinkConfig.DIRECTORY, directory.toString());
        props.put(CommonSinkConfig.EMBEDDING_DIMENSION, Integer.toString(DIMENSION));
        props.putAll(extra);
        return props;
    }

    LuceneSinkTask start(Map<String, String> extra) {
        Map<String, String> props = props(extra);
        LuceneSinkTask task = new LuceneSinkTask();
        lastContext = new RecordingSinkTaskContext(props);
        task.initialize(lastContext);
        task.start(props);
        running.add(task);
        return task;
    }

    RecordingSinkTaskContext lastContext() {
        return lastContext;
    }

    void stop(LuceneSinkTask task) {
        running.remove(task);
        task.stop();
    }

    @Override
    public void close() {
        new ArrayList<>(running).forEach(this::stop);
    }

    static String id(int segment) {
        return SegmentIds.documented(VIDEO, start(segment), start(segment + 1)).toString();
    }

    static Set<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(LuceneTasks::id).collect(Collectors.toSet());
    }

    private static String start(int segment) {
        return String.format("%02d:%02d:%02d", segment / 360, segment / 6 % 60, segment % 6 * 10);
    }

    /** A schemaless segment record whose vector differs per segment. */
    static SinkRecord segment(int segment) {
        return record(segment, fields(segment));
    }

    static Map<String, Object> fields(int segment) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", id(segment));
        value.put("video_id", VIDEO);
        value.put("start", start(segment));
        value.put("end", start(segment + 1));
        List<Double> embedding = new ArrayList<>();
        for (float element : vector(segment)) {
            embedding.add((double) element);
        }
        value.put("embedding", embedding);
        return value;
    }

    static SinkRecord record(int segment, Map<String, Object> value) {
        return new SinkRecord("segments", 0, Schema.STRING_SCHEMA, id(segment), null, value, segment);
    }

    static List<SinkRecord> segments(int from, int to) {
        return IntStream.range(from, to).mapToObj(LuceneTasks::segment).toList();
    }

    static SinkRecord tombstone(int segment) {
        return new SinkRecord("segments", 0, Schema.STRING_SCHEMA, id(segment), null, null, segment);
    }

    static float[] vector(int seed) {
        Random random = new Random(seed);
        float[] vector = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }
}
