/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vecsync.core.SegmentIds;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkTasks;
import io.weaviate.client6.v1.api.collections.WeaviateObject;
import io.weaviate.client6.v1.api.collections.query.Filter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/**
 * (a) Does a filter on video_id match exactly? Weaviate compares text by the tokens of the property's tokenization:
 * on a {@code word} property (the platform docs' collection) a filter matches every id holding the same words, on a
 * {@code field} one (the sink's collection) only the id itself. The searcher's video filter must be exact on both.
 */
abstract class WeaviateSearcherSuite {

    private static final String VIDEO = SegmentRecords.VIDEO;
    /** Other videos' ids holding every word of {@link #VIDEO}: its groups in another order, and one word more. */
    private static final List<String> SAME_WORDS = List.of("4148-052d-a249266f-bc2f-3efa76dc4269", VIDEO + "-2");

    /** The harness of the Weaviate under test. */
    abstract WeaviateHarness harness();

    private WeaviateTestClient weaviate() {
        return harness().weaviate();
    }

    @Test
    void aFilterOnAWordTokenizedPropertyMatchesOtherIdsWithTheSameWordsAndOnAFieldTokenizedOneOnlyTheId() {
        weaviate().createDocsCollection(WeaviateHarness.COLLECTION);
        weaviate()
                .createCollection(
                        "{\"class\":\"Exact\",\"vectorConfig\":{\"default\":{\"vectorIndexType\":\"hnsw\",\"vectorizer\":{\"none\":{}}}},\"properties\":["
                                + "{\"name\":\"video_id\",\"dataType\":[\"text\"],\"tokenization\":\"field\"}]}");
        for (String collection : List.of(WeaviateHarness.COLLECTION, "Exact")) {
            weaviate().insert(collection, segmentId(VIDEO, 0), new float[] {1, 0, 0, 0}, VIDEO);
            for (String other : SAME_WORDS) {
                weaviate().insert(collection, segmentId(other, 0), new float[] {1, 0, 0, 0}, other);
            }
        }
        assertEquals(
                Set.of(VIDEO, SAME_WORDS.get(0), SAME_WORDS.get(1)),
                videosMatching(WeaviateHarness.COLLECTION),
                "word tokenization");
        assertEquals(Set.of(VIDEO), videosMatching("Exact"), "field tokenization");
    }

    private Set<String> videosMatching(String collection) {
        return weaviate()
                .client()
                .collections
                .use(collection)
                .query
                .fetchObjects(query -> query.filters(Filter.property("video_id").containsAny(List.of(VIDEO)))
                        .limit(10))
                .objects()
                .stream()
                .map(WeaviateObject::properties)
                .map(properties -> (String) properties.get("video_id"))
                .collect(Collectors.toSet());
    }

    @Test
    void theSearchersVideoFilterIsExactOnTheDocsCollectionAndStillFillsTopK() {
        weaviate().createDocsCollection(WeaviateHarness.COLLECTION);
        harness().start(Map.of());
        // The other videos' segments are nearer the query, so a first page of two holds none of the video's.
        weaviate().insert(WeaviateHarness.COLLECTION, segmentId(VIDEO, 0), new float[] {0.6f, 0.8f, 0, 0}, VIDEO);
        weaviate().insert(WeaviateHarness.COLLECTION, segmentId(VIDEO, 1), new float[] {0.5f, 0.8f, 0.3f, 0}, VIDEO);
        weaviate()
                .insert(
                        WeaviateHarness.COLLECTION,
                        segmentId(SAME_WORDS.get(0), 0),
                        new float[] {1, 0, 0, 0},
                        SAME_WORDS.get(0));
        weaviate()
                .insert(
                        WeaviateHarness.COLLECTION,
                        segmentId(SAME_WORDS.get(1), 0),
                        new float[] {0.9f, 0.1f, 0, 0},
                        SAME_WORDS.get(1));
        try (VectorSearcher searcher =
                new WeaviateSearcherProvider().open(harness().props(Map.of()))) {
            List<SearchHit> hits =
                    searcher.search(new SearchRequest(new float[] {1, 0, 0, 0}, 2, List.of(VIDEO), null));
            assertEquals(
                    List.of(segmentId(VIDEO, 0), segmentId(VIDEO, 1)),
                    hits.stream().map(SearchHit::segmentId).toList());
            assertEquals(0.6, hits.get(0).score(), 1e-5, "cosine similarity, 1 - Weaviate's distance");
            assertEquals(
                    Map.of("video_id", VIDEO, "start", "00:00:00", "end", "00:00:10"),
                    hits.get(0).payload(),
                    "the segment's own fields, none of the collection's others (Weaviate answers them null)");
        }
    }

    @Test
    void theSearchersVideoFilterIsExactOnTheSinksCollection() {
        SinkTasks.write(
                harness().start(Map.of()),
                List.of(
                        segmentOf(VIDEO, 0.6, 0.8),
                        segmentOf(SAME_WORDS.get(0), 1, 0),
                        segmentOf(SAME_WORDS.get(1), 0.9, 0.1)));
        try (VectorSearcher searcher =
                new WeaviateSearcherProvider().open(harness().props(Map.of()))) {
            List<SearchHit> hits =
                    searcher.search(new SearchRequest(new float[] {1, 0, 0, 0}, 2, List.of(VIDEO), null));
            assertEquals(
                    List.of(segmentId(VIDEO, 0)),
                    hits.stream().map(SearchHit::segmentId).toList());
        }
    }

    /** The first segment of a video, as the sink's record. */
    private SinkRecord segmentOf(String video, double x, double y) {
        return harness()
                .records()
                .record(
                        0,
                        List.of(x, y, 0.0, 0.0),
                        Map.of("id", segmentId(video, 0), "video_id", video, "start", "00:00:00", "end", "00:00:10"));
    }

    private static String segmentId(String video, int segment) {
        return SegmentIds.documented(video, "00:00:0" + segment, "00:00:1" + segment)
                .toString();
    }
}
