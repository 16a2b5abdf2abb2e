/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.SegmentSchema;
import io.vecsync.core.VectorEncoding;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.VectorSearcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every vecsync sink must do, whatever its store: each store module extends this once, against its real store
 * or a protocol-level fake, and supplies the hooks below.
 */
public abstract class VectorSinkBehaviourSuite {

    protected static final int DIMENSION = 16;
    private static final String VIDEO = SegmentRecords.VIDEO;

    /** The store's tasks on {@link #storeProps()} with this suite's dimension. */
    private final StoreTestHarness<VectorSinkTask> tasks = new StoreTestHarness<>(this::newTask) {
        @Override
        protected Map<String, String> storeProps() {
            Map<String, String> props = new HashMap<>(VectorSinkBehaviourSuite.this.storeProps());
            props.put(CommonSinkConfig.EMBEDDING_DIMENSION, Integer.toString(DIMENSION));
            return props;
        }
    };

    /** A new, unstarted task of the store's sink. */
    protected abstract VectorSinkTask newTask();

    /** The store's connection and target config; a fresh target per test is the subclass's job. */
    protected abstract Map<String, String> storeProps();

    /** Every point in the target, by id. */
    protected abstract Map<String, StoredPoint> readAll();

    /** Creates the target as a user might have, with another dimension, so start must refuse it. */
    protected abstract void createTargetWithDimension(int dimension);

    /** Removes the target, so each test starts from nothing. */
    protected abstract void dropTarget();

    /** The store's searcher, opened with the same props as the sink. */
    protected abstract VectorSearcher openSearcher(Map<String, String> props);

    @BeforeEach
    void cleanTarget() {
        dropTarget();
    }

    @AfterEach
    void stopTasks() {
        tasks.reset();
    }

    protected VectorSinkTask start(Map<String, String> extraProps) {
        return tasks.start(extraProps);
    }

    protected VectorSinkTask start() {
        return start(Map.of());
    }

    @Test
    void upsertsPointsWithTheirPayload() {
        SinkTasks.write(
                start(),
                List.of(
                        segment(0, 1, VectorEncoding.FLOAT_ARRAY),
                        segment(1, 2, VectorEncoding.FLOAT32_LE),
                        schemaless(2, 3)));
        Map<String, StoredPoint> points = readAll();
        assertEquals(Set.of(id(0), id(1), id(2)), points.keySet());
        assertArrayEquals(vector(2), points.get(id(1)).vector(), 1e-6f);
        StoredPoint first = points.get(id(0));
        assertArrayEquals(vector(1), first.vector(), 1e-6f);
        assertEquals(VIDEO, first.payload().get(SegmentSchema.VIDEO_ID));
        assertEquals("00:00:00", first.payload().get(SegmentSchema.START));
        assertEquals("00:00:10", first.payload().get(SegmentSchema.END));
        assertEquals(
                "00:00:20",
                points.get(id(2)).payload().get(SegmentSchema.START),
                "schemaless records keep their payload");
    }

    @Test
    void aLaterRecordOverwritesAnEarlierOne() {
        VectorSinkTask task = start();
        SinkTasks.write(task, List.of(segment(0, 1, VectorEncoding.FLOAT_ARRAY)));
        SinkTasks.write(task, List.of(segment(0, 7, VectorEncoding.FLOAT_ARRAY)));
        Map<String, StoredPoint> points = readAll();
        assertEquals(1, points.size());
        assertArrayEquals(vector(7), points.get(id(0)).vector(), 1e-6f);
    }

    @Test
    void aTombstoneDeletes() {
        VectorSinkTask task = start();
        SinkTasks.write(
                task, List.of(segment(0, 1, VectorEncoding.FLOAT_ARRAY), segment(1, 2, VectorEncoding.FLOAT_ARRAY)));
        SinkTasks.write(task, List.of(tombstone(0), tombstone(5)));
        assertEquals(Set.of(id(1)), readAll().keySet(), "deleting a missing id is not an error");
    }

    @Test
    void kafkaOrderHoldsWithinABatch() {
        VectorSinkTask task = start();
        SinkTasks.write(task, List.of(segment(1, 1, VectorEncoding.FLOAT_ARRAY)));
        SinkTasks.write(
                task,
                List.of(
                        segment(0, 1, VectorEncoding.FLOAT_ARRAY), tombstone(0),
                        tombstone(1), segment(1, 4, VectorEncoding.FLOAT_ARRAY),
                        segment(2, 1, VectorEncoding.FLOAT_ARRAY), segment(2, 9, VectorEncoding.FLOAT_ARRAY)));
        Map<String, StoredPoint> points = readAll();
        assertEquals(
                Set.of(id(1), id(2)),
                points.keySet(),
                "upsert then delete ends deleted; delete then upsert ends present");
        assertArrayEquals(vector(4), points.get(id(1)).vector(), 1e-6f);
        assertArrayEquals(vector(9), points.get(id(2)).vector(), 1e-6f, "the last of two upserts wins");
    }

    @Test
    void batchesLargerThanTheBatchSizeAreWrittenWhole() {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            records.add(segment(i, i + 1, VectorEncoding.FLOAT32_LE));
        }
        SinkTasks.write(start(Map.of(CommonSinkConfig.BATCH_SIZE, "7")), records);
        assertEquals(25, readAll().size());
    }

    @Test
    void badRecordsGoToTheDeadLetterQueueAndTheRestIsWritten() {
        Map<String, String> tolerant = Map.of("errors.tolerance", "all", "errors.deadletterqueue.topic.name", "dlq");
        VectorSinkTask task = start(tolerant);
        SinkRecord wrongDimension = schemalessWith(3, Map.of("id", id(3), "embedding", List.of(1, 2, 3)));
        SinkRecord notAUuid =
                schemalessWith(4, Map.of("id", "segment-4", "embedding", SegmentRecords.values(vector(4))));
        SinkTasks.write(
                task,
                List.of(
                        segment(0, 1, VectorEncoding.FLOAT_ARRAY),
                        wrongDimension,
                        notAUuid,
                        segment(1, 2, VectorEncoding.FLOAT_ARRAY)));

        assertEquals(Set.of(id(0), id(1)), readAll().keySet());
        assertEquals(List.of(wrongDimension, notAUuid), tasks.lastContext().errantRecords());
        assertTrue(tasks.lastContext()
                .errantReasons()
                .get(0)
                .getMessage()
                .contains("field 'embedding': has 3 dimensions"));
    }

    @Test
    void withoutToleranceABadRecordFailsNamingIt() {
        VectorSinkTask task = start();
        SinkRecord bad = schemalessWith(9, Map.of("id", id(9), "embedding", List.of(1, 2)));
        DataException error = assertThrows(DataException.class, () -> SinkTasks.write(task, List.of(bad)));
        assertTrue(
                error.getMessage().startsWith("record segments-0@" + bad.kafkaOffset() + ", field 'embedding'"),
                error.getMessage());
    }

    @Test
    void anExistingTargetOfAnotherDimensionIsRefusedAtStart() {
        createTargetWithDimension(DIMENSION + 8);
        ConnectException error = assertThrows(ConnectException.class, this::start);
        assertTrue(
                error.getMessage().contains(Integer.toString(DIMENSION + 8))
                        && error.getMessage().contains(Integer.toString(DIMENSION)),
                error.getMessage());
    }

    @Test
    void aRestartedTaskKeepsTheDataAndGoesOn() {
        VectorSinkTask first = start();
        SinkTasks.write(
                first, List.of(segment(0, 1, VectorEncoding.FLOAT_ARRAY), segment(1, 2, VectorEncoding.FLOAT_ARRAY)));
        tasks.stop(first);

        VectorSinkTask second = start();
        assertEquals(Set.of(id(0), id(1)), readAll().keySet(), "start verifies the target and keeps its points");
        SinkTasks.write(second, List.of(tombstone(0), segment(2, 3, VectorEncoding.FLOAT_ARRAY)));
        assertEquals(Set.of(id(1), id(2)), readAll().keySet());
    }

    /** The searcher's config: the sink's, with this suite's dimension. */
    private Map<String, String> searcherProps() {
        Map<String, String> props = new HashMap<>(storeProps());
        props.put(CommonSinkConfig.EMBEDDING_DIMENSION, Integer.toString(DIMENSION));
        return props;
    }

    @Test
    void theSearcherCountsTheSegmentsHeld() {
        VectorSinkTask task = start();
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(segment(i, i + 1, VectorEncoding.FLOAT_ARRAY));
        }
        SinkTasks.write(task, records);
        SinkTasks.write(task, List.of(tombstone(2), tombstone(5), tombstone(11)));
        try (VectorSearcher searcher = openSearcher(searcherProps())) {
            assertEquals(OptionalLong.of(9), searcher.segmentCount(), "12 written, 3 deleted");
        }
    }

    @Test
    void theSearcherRanksByCosineSimilarityAndFilters() {
        SinkTasks.write(
                start(),
                List.of(
                        segment(0, 1, VectorEncoding.FLOAT_ARRAY),
                        segment(1, 2, VectorEncoding.FLOAT_ARRAY),
                        segment(2, 3, VectorEncoding.FLOAT_ARRAY),
                        otherVideoSegment(2)));
        try (VectorSearcher searcher = openSearcher(searcherProps())) {
            searcher.checkReachable();
            float[] query = vector(2);
            List<SearchHit> hits = searcher.search(new SearchRequest(query, 3, List.of(), null));
            assertEquals(3, hits.size());
            assertEquals(
                    Set.of(id(1), OTHER_VIDEO_SEGMENT),
                    Set.of(hits.get(0).segmentId(), hits.get(1).segmentId()),
                    "the two points with the query's own vector come first");
            for (SearchHit hit : hits) {
                assertEquals(
                        cosine(query, storedVector(hit.segmentId())), hit.score(), 1e-4, "score of " + hit.segmentId());
            }
            assertTrue(
                    hits.get(0).score() >= hits.get(1).score()
                            && hits.get(1).score() >= hits.get(2).score(),
                    "best first");
            assertEquals(
                    VIDEO, payloadOf(hits, id(1)).get(SegmentSchema.VIDEO_ID).toString());
            assertEquals(
                    "00:00:10", payloadOf(hits, id(1)).get(SegmentSchema.START).toString());

            List<SearchHit> inVideo = searcher.search(new SearchRequest(query, 10, List.of(VIDEO), null));
            assertEquals(
                    Set.of(id(0), id(1), id(2)),
                    inVideo.stream().map(SearchHit::segmentId).collect(java.util.stream.Collectors.toSet()));
            List<SearchHit> close = searcher.search(new SearchRequest(query, 10, List.of(), 0.99));
            assertEquals(
                    Set.of(id(1), OTHER_VIDEO_SEGMENT),
                    close.stream().map(SearchHit::segmentId).collect(java.util.stream.Collectors.toSet()));
        }
    }

    private static Map<String, Object> payloadOf(List<SearchHit> hits, String id) {
        return hits.stream()
                .filter(h -> h.segmentId().equals(id))
                .findFirst()
                .orElseThrow()
                .payload();
    }

    private float[] storedVector(String id) {
        return readAll().get(id).vector();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    // ---- records

    private static final String OTHER_VIDEO = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    private static final String OTHER_VIDEO_SEGMENT = SegmentRecords.id(OTHER_VIDEO, 0);

    private SinkRecord otherVideoSegment(int vectorSeed) {
        return tasks.records()
                .segment(0)
                .video(OTHER_VIDEO)
                .vector(vector(vectorSeed))
                .record();
    }

    /** A unit-length vector that differs per seed. */
    protected static float[] vector(int seed) {
        return SegmentRecords.unitVector(seed, DIMENSION);
    }

    protected static String id(int segment) {
        return SegmentRecords.id(segment);
    }

    /** The segment's record with the source's schema, as the source's converters deliver it. */
    protected SinkRecord segment(int segment, int vectorSeed, VectorEncoding encoding) {
        return tasks.records()
                .segment(segment)
                .vector(vector(vectorSeed))
                .schema(encoding)
                .with(SegmentSchema.END_SECONDS, segment * 10.0 + 10)
                .with(SegmentSchema.EMBEDDING_OPTION, "visual")
                .with(SegmentSchema.VIDEO_NAME, "Clip")
                .record();
    }

    protected SinkRecord schemaless(int segment, int vectorSeed) {
        return tasks.records().segment(segment).vector(vector(vectorSeed)).record();
    }

    /** The segment's schemaless record with these fields set, e.g. a malformed one. */
    private SinkRecord schemalessWith(int segment, Map<String, Object> fields) {
        return tasks.records().segment(segment).with(fields).record();
    }

    protected SinkRecord tombstone(int segment) {
        return tasks.records().tombstone(segment);
    }
}
