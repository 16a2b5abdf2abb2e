package io.vecsync.lucene;

import io.vecsync.core.SegmentIds;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.testing.RecordingSinkTaskContext;
import io.vecsync.testing.SinkTaskStarter;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Sink tasks on one test directory and schemaless segment records for them. Registered as a test's extension, it
 * makes a fresh temporary directory before each test and, after it, stops the tasks and deletes the directory.
 */
final class LuceneTasks implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    static final int DIMENSION = 8;
    static final String VIDEO = "a249266f-052d-4148-bc2f-3efa76dc4269";

    private final String relativePath;
    private Path root;
    private Path directory;
    private final SinkTaskStarter<LuceneSinkTask> tasks = new SinkTaskStarter<>(LuceneSinkTask::new);

    /** @param relativePath where the index lives under the temporary directory; it need not exist */
    LuceneTasks(String relativePath) {
        this.relativePath = relativePath;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("vecsync-lucene-test");
        directory = root.resolve(relativePath);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The index directory of the running test. */
    Path directory() {
        return directory;
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
        return tasks.start(props(extra));
    }

    RecordingSinkTaskContext lastContext() {
        return tasks.lastContext();
    }

    void stop(LuceneSinkTask task) {
        tasks.stop(task);
    }

    @Override
    public void close() {
        tasks.close();
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
