/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vecsync.core.sink.VectorPoint;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.StoreException;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.SinkTasks;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When writes become durable and who sees them: a put() is committed before Connect commits its offsets and by the
 * commit timer; a searcher in the sink's process sees writes at once, one elsewhere sees each commit.
 */
class LuceneVisibilityTest {

    /** Long enough that only Connect's offset commit commits. */
    private static final Map<String, String> NO_TIMER = Map.of(LuceneSinkConfig.COMMIT_INTERVAL_MS, "3600000");

    @RegisterExtension
    final LuceneHarness tasks = new LuceneHarness("index");

    @Test
    void writesAreCommittedBeforeConnectCommitsTheirOffsets() {
        LuceneSinkTask task = tasks.start(NO_TIMER);
        task.put(tasks.segments(0, 3));
        task.put(List.of());
        assertEquals(Set.of(), LuceneTestIndex.committed(tasks.directory()).keySet(), "a put() alone costs no commit");

        Map<TopicPartition, OffsetAndMetadata> offsets =
                Map.of(new TopicPartition("segments", 0), new OffsetAndMetadata(3));
        assertEquals(offsets, task.preCommit(offsets));
        assertEquals(
                LuceneHarness.ids(0, 3),
                LuceneTestIndex.committed(tasks.directory()).keySet());
    }

    @Test
    void theTimerCommitsWithoutWaitingForConnect() {
        SinkTasks.write(tasks.start(Map.of(LuceneSinkConfig.COMMIT_INTERVAL_MS, "50")), tasks.segments(0, 3));
        Eventually.await(
                Duration.ofSeconds(10),
                "the timer's commit",
                () -> LuceneTestIndex.committed(tasks.directory()).keySet().equals(LuceneHarness.ids(0, 3)));
    }

    @Test
    void aSearcherInTheSinksProcessSeesWritesAtOnce() {
        LuceneSinkTask task = tasks.start(NO_TIMER);
        try (VectorSearcher searcher = new LuceneSearcherProvider().open(tasks.props(Map.of()))) {
            assertEquals(Set.of(), found(searcher));
            // put() hands the records to the task's writer thread, which writes them soon after; neither commits.
            task.put(tasks.segments(0, 3));
            Eventually.await(
                    Duration.ofSeconds(10),
                    "the three points",
                    () -> found(searcher).equals(LuceneHarness.ids(0, 3)));
            task.put(List.of(tasks.tombstone(1)));
            Eventually.await(
                    Duration.ofSeconds(10),
                    "the deletion",
                    () -> found(searcher).equals(Set.of(LuceneHarness.id(0), LuceneHarness.id(2))));
            assertEquals(Set.of(), LuceneTestIndex.committed(tasks.directory()).keySet(), "visible before any commit");
        }
    }

    @Test
    void aSearcherWithNoSinkInItsProcessReadsTheDirectoryAndReopensOnCommits() throws Exception {
        LuceneSinkTask first = tasks.start(Map.of());
        SinkTasks.write(first, tasks.segments(0, 2));
        tasks.stop(first);
        try (VectorSearcher searcher = new LuceneSearcherProvider().open(tasks.props(Map.of()))) {
            searcher.checkReachable();
            assertEquals(LuceneHarness.ids(0, 2), found(searcher), "the index the sink left");

            // A sink in another process: its writes show once it commits them.
            try (IndexWriter other = new IndexWriter(FSDirectory.open(tasks.directory()), new IndexWriterConfig())) {
                other.updateDocument(new Term(LuceneDocuments.ID, LuceneHarness.id(2)), document(2));
                assertEquals(LuceneHarness.ids(0, 2), found(searcher), "not committed yet");
                other.commit();
                assertEquals(LuceneHarness.ids(0, 3), found(searcher));
            }

            // A sink starting in this process: the searcher moves to its writer and sees its writes at once.
            SinkTasks.write(tasks.start(NO_TIMER), tasks.segments(3, 4));
            assertEquals(LuceneHarness.ids(0, 4), found(searcher));
        }
    }

    @Test
    void aSearcherOfADirectoryWithoutAnIndexFailsNamingTheSetting() throws Exception {
        try (VectorSearcher searcher = new LuceneSearcherProvider().open(tasks.props(Map.of()))) {
            StoreException missing = assertThrows(StoreException.class, searcher::checkReachable);
            assertEquals(
                    LuceneSinkConfig.DIRECTORY + " " + tasks.directory() + " is not a directory", missing.getMessage());
            Files.createDirectories(tasks.directory());
            StoreException empty = assertThrows(StoreException.class, searcher::checkReachable);
            assertEquals(
                    LuceneSinkConfig.DIRECTORY + " " + tasks.directory()
                            + " holds no Lucene index: the sink creates it when it starts",
                    empty.getMessage());
        }
    }

    /** The document the sink would write for the segment. */
    private Document document(int segment) {
        Map<String, Object> payload = new LinkedHashMap<>(tasks.fields(segment));
        payload.remove("id");
        payload.remove("embedding");
        return LuceneDocuments.document(
                new VectorPoint(LuceneHarness.id(segment), LuceneHarness.vector(segment), payload));
    }

    private static Set<String> found(VectorSearcher searcher) {
        return searcher.search(new SearchRequest(LuceneHarness.vector(0), 10, List.of(), null)).stream()
                .map(SearchHit::segmentId)
                .collect(Collectors.toSet());
    }
}
