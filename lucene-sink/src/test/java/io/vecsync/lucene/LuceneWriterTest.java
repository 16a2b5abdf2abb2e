/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.sink.RefusedPointsException;
import io.vecsync.core.sink.VectorPoint;
import io.vecsync.core.sink.WriteBatch;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.SinkTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the Lucene document keeps of a point's payload, and the points it cannot hold. */
class LuceneWriterTest {

    @RegisterExtension
    final LuceneHarness tasks = new LuceneHarness("index");

    @Test
    void payloadValuesComeBackWithTheirTypesInTheirOrder() {
        Map<String, Object> value = tasks.fields(0);
        value.put("start_seconds", 12.5);
        value.put("frame_count", 300L);
        value.put("reviewed", true);
        value.put("embedding_option", "visual");
        LuceneSinkTask task = tasks.start(Map.of());
        SinkTasks.write(task, List.of(tasks.record(0, value)));
        try (VectorSearcher searcher = new LuceneSearcherProvider().open(tasks.props(Map.of()))) {
            SearchHit hit = searcher.search(new SearchRequest(LuceneHarness.vector(0), 1, List.of(), null))
                    .get(0);
            Map<String, Object> expected = new LinkedHashMap<>(value);
            expected.remove("id");
            expected.remove("embedding");
            assertEquals(expected, hit.payload());
            assertEquals(
                    List.copyOf(expected.keySet()), List.copyOf(hit.payload().keySet()));
            assertEquals(1.0, hit.score(), 1e-6);
        }
    }

    @Test
    void pointsTheDocumentCannotHoldGoToTheDeadLetterQueueAlone() {
        LuceneSinkTask task = tasks.start(Map.of(
                "errors.tolerance", "all", "errors.deadletterqueue.topic.name", "dlq", "id.field", "segment_id"));
        Map<String, Object> idClash = tasks.fields(1);
        idClash.put("segment_id", LuceneHarness.id(1));
        Map<String, Object> longVideoId = tasks.fields(2);
        longVideoId.remove("id");
        longVideoId.put("segment_id", LuceneHarness.id(2));
        longVideoId.put("video_id", "v".repeat(40_000));
        Map<String, Object> good = tasks.fields(3);
        good.remove("id");
        good.put("segment_id", LuceneHarness.id(3));
        SinkRecord clashing = tasks.record(1, idClash);
        SinkRecord tooLong = tasks.record(2, longVideoId);
        SinkTasks.write(task, List.of(clashing, tooLong, tasks.record(3, good)));

        assertEquals(List.of(clashing, tooLong), tasks.lastContext().errantRecords());
        List<String> reasons = tasks.lastContext().errantReasons().stream()
                .map(Throwable::getMessage)
                .toList();
        assertEquals(
                "record segments-0@1, field 'id': the Lucene document has a field of its own by that name;"
                        + " leave it out of payload.fields",
                reasons.get(0));
        assertTrue(
                reasons.get(1).endsWith("field 'video_id': longer than the 32766 bytes Lucene indexes"),
                reasons.get(1));
        assertEquals(
                Set.of(LuceneHarness.id(3)),
                LuceneTestIndex.readAll(tasks.directory()).keySet());
    }

    @Test
    void aDocumentLuceneRefusesAloneIsReportedAndTheRestOfTheBatchIsApplied() throws IOException {
        LuceneSinkConfig config = new LuceneSinkConfig(tasks.props(Map.of()));
        Files.createDirectories(config.directory());
        LuceneIndex index = LuceneIndexes.acquire(config.directory(), config.indexSettings());
        try {
            LuceneWriter writer = new LuceneWriter(() -> index);
            // check() keeps such a point out of a batch; here the writer meets Lucene's own refusal, as for any it did
            // not foresee.
            Map<String, Object> immense = new LinkedHashMap<>(Map.of("video_id", "v".repeat(40_000)));
            List<VectorPoint> points = List.of(point(0, Map.of()), point(1, immense), point(2, Map.of()));
            RefusedPointsException refused = assertThrows(
                    RefusedPointsException.class, () -> writer.write(new WriteBatch(points, List.of(), null)));
            assertEquals(Set.of(LuceneHarness.id(1)), refused.reasons().keySet());
            assertTrue(
                    refused.reasons()
                            .get(LuceneHarness.id(1))
                            .startsWith("Lucene refused the document: Document contains at least one"
                                    + " immense term in field=\"video_id\""),
                    refused.reasons().toString());
            index.commit();
            assertEquals(
                    Set.of(LuceneHarness.id(0), LuceneHarness.id(2)),
                    LuceneTestIndex.committed(tasks.directory()).keySet());
        } finally {
            LuceneIndexes.release(index);
        }
    }

    private static VectorPoint point(int segment, Map<String, Object> payload) {
        return new VectorPoint(LuceneHarness.id(segment), LuceneHarness.vector(segment), payload);
    }
}
