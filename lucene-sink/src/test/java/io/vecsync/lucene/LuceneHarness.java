/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.StoreTestHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sink tasks on one test directory, with a dimension of {@value #DIMENSION} and a vector per segment. Registered as a
 * test's extension, it makes a fresh temporary directory before each test and, after it, stops the tasks and deletes
 * the directory.
 */
final class LuceneHarness extends StoreTestHarness<LuceneSinkTask> implements BeforeEachCallback {

    static final int DIMENSION = 8;

    private final String relativePath;
    private Path root;
    private Path directory;

    /** @param relativePath where the index lives under the temporary directory; it need not exist */
    LuceneHarness(String relativePath) {
        super(LuceneSinkTask::new);
        this.relativePath = relativePath;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("vecsync-lucene-test");
        directory = root.resolve(relativePath);
    }

    /** Deletes the test's directory. */
    @Override
    protected void clearStore() {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        root = null;
    }

    /** The index directory of the running test. */
    Path directory() {
        return directory;
    }

    @Override
    protected Map<String, String> storeProps() {
        return Map.of(
                LuceneSinkConfig.DIRECTORY,
                directory.toString(),
                CommonSinkConfig.EMBEDDING_DIMENSION,
                Integer.toString(DIMENSION));
    }

    static String id(int segment) {
        return SegmentRecords.id(segment);
    }

    static Set<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(LuceneHarness::id).collect(Collectors.toSet());
    }

    /** The segment's vector: one of its own. */
    static float[] vector(int segment) {
        return SegmentRecords.unitVector(segment, DIMENSION);
    }

    /** The segment's schemaless payload with its own vector. */
    Map<String, Object> fields(int segment) {
        return records().segment(segment).vector(vector(segment)).value();
    }

    /** A schemaless segment record with exactly this payload, at the segment's number as its offset. */
    SinkRecord record(int segment, Map<String, Object> value) {
        return records().segment(segment).payload(value).offset(segment).record();
    }

    /** A schemaless segment record with the segment's own vector. */
    SinkRecord segment(int segment) {
        return record(segment, fields(segment));
    }

    List<SinkRecord> segments(int from, int to) {
        return IntStream.range(from, to).mapToObj(this::segment).toList();
    }

    SinkRecord tombstone(int segment) {
        return records().segment(segment).offset(segment).tombstone();
    }
}
