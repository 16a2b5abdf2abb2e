/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.pinecone.fake.FakeIndex;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.StoreConfigException;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.SinkTasks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** pinecone.namespace: the default namespace, a fixed one, or one per topic through ${topic}. */
class PineconeNamespaceTest {

    private static final String INDEX = "namespaces";

    @RegisterExtension
    static final PineconeHarness TASKS = new PineconeHarness(INDEX, "namespace-key");

    private static FakeIndex index() {
        return TASKS.index();
    }

    @Test
    void aFixedNamespaceHoldsEveryTopic() {
        VectorSinkTask task = TASKS.start(4, Map.of(PineconeSinkConfig.NAMESPACE, "videos"));
        SinkTasks.write(task, List.of(TASKS.segment("segments-a", 0, 4), TASKS.segment("segments-b", 1, 4)));
        assertEquals(Set.of("videos"), index().namespaces());
        assertEquals(
                Set.of(PineconeHarness.id(0), PineconeHarness.id(1)),
                index().vectors("videos").keySet());
    }

    @Test
    void eachTopicGetsItsNamespaceAndTheSameIdLivesInBoth() {
        VectorSinkTask task = TASKS.start(4, Map.of(PineconeSinkConfig.NAMESPACE, "segments-${topic}"));
        float[] inA = PineconeHarness.vector(1, 4);
        float[] inB = PineconeHarness.vector(2, 4);
        SinkTasks.write(
                task,
                List.of(
                        TASKS.segment("a", 0, inA, Map.of()),
                        TASKS.segment("b", 0, inB, Map.of()),
                        TASKS.segment("a", 1, 4)));
        assertEquals(Set.of("segments-a", "segments-b"), index().namespaces());
        assertArrayEquals(
                inA, index().vectors("segments-a").get(PineconeHarness.id(0)).values(), 1e-6f);
        assertArrayEquals(
                inB, index().vectors("segments-b").get(PineconeHarness.id(0)).values(), 1e-6f);

        SinkTasks.write(task, List.of(TASKS.tombstone("a", 0), TASKS.tombstone("b", 7)));
        assertEquals(
                Set.of(PineconeHarness.id(1)),
                index().vectors("segments-a").keySet(),
                "a tombstone deletes in its topic's namespace");
        assertEquals(
                Set.of(PineconeHarness.id(0)), index().vectors("segments-b").keySet());
    }

    @Test
    void theSearcherCountsEveryTopicsNamespaceOnce() {
        Map<String, String> props = new HashMap<>(TASKS.props(4, Map.of(PineconeSinkConfig.NAMESPACE, "${topic}")));
        SinkTasks.write(
                TASKS.start(4, props),
                List.of(
                        TASKS.segment("a", 0, 4),
                        TASKS.segment("a", 1, 4),
                        TASKS.segment("b", 2, 4),
                        TASKS.segment("c", 3, 4)));
        props.put("topics", "a, b, a");
        try (VectorSearcher searcher = new PineconeSearcherProvider().open(props)) {
            assertEquals(OptionalLong.of(3), searcher.segmentCount(), "a's and b's vectors; not c's");
        }
    }

    @Test
    void theSearcherQueriesEveryTopicsNamespace() {
        Map<String, String> props = new HashMap<>(TASKS.props(4, Map.of(PineconeSinkConfig.NAMESPACE, "${topic}")));
        SinkTasks.write(
                TASKS.start(4, props),
                List.of(
                        TASKS.segment("a", 0, PineconeHarness.vector(5, 4), Map.of()),
                        TASKS.segment("b", 1, PineconeHarness.vector(6, 4), Map.of()),
                        TASKS.segment("c", 2, PineconeHarness.vector(5, 4), Map.of())));

        props.put("topics", "a, b");
        try (VectorSearcher searcher = new PineconeSearcherProvider().open(props)) {
            List<SearchHit> hits = searcher.search(new SearchRequest(PineconeHarness.vector(6, 4), 5, List.of(), null));
            assertEquals(
                    List.of(PineconeHarness.id(1), PineconeHarness.id(0)),
                    hits.stream().map(SearchHit::segmentId).toList(),
                    "both topics' namespaces, best first; not c's");
            assertEquals(1.0, hits.get(0).score(), 1e-5);
            assertEquals(
                    List.of(PineconeHarness.id(1)),
                    searcher.search(new SearchRequest(PineconeHarness.vector(6, 4), 1, List.of(), null)).stream()
                            .map(SearchHit::segmentId)
                            .toList(),
                    "topK over the merged hits");
        }

        props.remove("topics");
        StoreConfigException error =
                assertThrows(StoreConfigException.class, () -> new PineconeSearcherProvider().open(props));
        assertTrue(
                error.getMessage().contains(PineconeSinkConfig.NAMESPACE)
                        && error.getMessage().contains("topics"),
                error.getMessage());
    }
}
