/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.StoreException;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

/** Collection set-up: what the sink creates, which existing collections it takes, and which it refuses saying why. */
abstract class WeaviateCollectionAdminSuite {

    /** The harness of the Weaviate under test. */
    abstract WeaviateHarness harness();

    private WeaviateTestClient weaviate() {
        return harness().weaviate();
    }

    @Test
    void createsACollectionWithoutVectorizerWithCosineHnswAndTheSegmentProperties() {
        harness().start(Map.of());
        JsonObject definition = weaviate().definition(WeaviateHarness.COLLECTION);
        JsonObject vector = definition.getAsJsonObject("vectorConfig").getAsJsonObject("default");
        assertEquals("{\"none\":{}}", vector.get("vectorizer").toString());
        assertEquals("hnsw", vector.get("vectorIndexType").getAsString());
        assertEquals(
                "cosine",
                vector.getAsJsonObject("vectorIndexConfig").get("distance").getAsString());
        assertEquals(
                false,
                definition.getAsJsonObject("multiTenancyConfig").get("enabled").getAsBoolean());
        assertEquals(
                Map.ofEntries(
                        Map.entry("video_id", "text/field"),
                        Map.entry("start", "text/field"),
                        Map.entry("end", "text/field"),
                        Map.entry("start_seconds", "number/-"),
                        Map.entry("end_seconds", "number/-"),
                        Map.entry("embedding_option", "text/field"),
                        Map.entry("embedding_scope", "text/field"),
                        Map.entry("video_name", "text/word"),
                        Map.entry("created_at", "text/field"),
                        Map.entry("hls_playlist_url", "text/field"),
                        Map.entry("thumbnail_url", "text/field")),
                weaviate().propertyTypes(WeaviateHarness.COLLECTION));
    }

    @Test
    void theDocsCollectionIsKeptAndGivenTheMissingProperties() {
        weaviate().createDocsCollection(WeaviateHarness.COLLECTION);
        weaviate()
                .insert(
                        WeaviateHarness.COLLECTION,
                        "6a1b4c3e-0c8f-5e55-9a39-6a4f3a0f1e01",
                        new float[] {0, 1, 0, 0},
                        SegmentRecords.VIDEO);
        SinkTasks.write(
                harness().start(Map.of()),
                List.of(harness().records().record(0, List.of(1.0, 0.0, 0.0, 0.0), Map.of())));

        Map<String, String> types = weaviate().propertyTypes(WeaviateHarness.COLLECTION);
        assertEquals("text/word", types.get("video_id"), "the docs' property is kept as it is");
        assertEquals("number/-", types.get("start_seconds"));
        assertEquals(
                Set.of("6a1b4c3e-0c8f-5e55-9a39-6a4f3a0f1e01", SegmentRecords.id(0)),
                weaviate().ids(WeaviateHarness.COLLECTION),
                "the docs script's object stays");
        try (VectorSearcher searcher =
                new WeaviateSearcherProvider().open(harness().props(Map.of()))) {
            List<SearchHit> hits = searcher.search(
                    new SearchRequest(new float[] {1, 0, 0, 0}, 5, List.of(SegmentRecords.VIDEO), null));
            assertEquals(
                    SegmentRecords.id(0),
                    hits.get(0).segmentId(),
                    "written to the class-level vector, the one searched");
            assertEquals(1.0, hits.get(0).score(), 1e-6);
            assertEquals(0.0, hits.get(1).score(), 1e-6, "orthogonal: cosine distance 1");
        }
    }

    /** Weaviate refuses a property added twice with its own words ("already in use"): a task must not fail on it. */
    @Test
    void tasksStartingTogetherOnTheDocsCollectionAllStartAndAddItsMissingPropertiesOnce() {
        weaviate().createDocsCollection(WeaviateHarness.COLLECTION);
        List<CompletableFuture<VectorSinkTask>> starts = new ArrayList<>();
        for (int task = 0; task < 3; task++) {
            starts.add(CompletableFuture.supplyAsync(() -> harness().start(Map.of())));
        }
        starts.forEach(CompletableFuture::join);
        assertEquals(11, weaviate().propertyTypes(WeaviateHarness.COLLECTION).size());
    }

    @Test
    void aCollectionWithAVectorizerIsRefused() {
        weaviate()
                .createCollection(
                        "{\"class\":\"" + WeaviateHarness.COLLECTION + "\",\"vectorizer\":\"text2vec-openai\"}");
        ConnectException error =
                assertThrows(ConnectException.class, () -> harness().start(Map.of()));
        assertEquals(
                "collection " + WeaviateHarness.COLLECTION
                        + " vectorizes its 'default' vector with text2vec-openai, but the sink supplies"
                        + " the platform's embeddings: use a collection whose vector has no vectorizer (none), or another weaviate.collection",
                error.getMessage());
    }

    @Test
    void aCollectionWithAnotherDistanceIsRefused() {
        weaviate()
                .createCollection("{\"class\":\"" + WeaviateHarness.COLLECTION
                        + "\",\"vectorConfig\":{\"default\":{\"vectorIndexType\":\"hnsw\",\"vectorizer\":"
                        + "{\"none\":{}},\"vectorIndexConfig\":{\"distance\":\"dot\"}}}}");
        ConnectException error =
                assertThrows(ConnectException.class, () -> harness().start(Map.of()));
        assertTrue(error.getMessage().contains("compares vectors by dot distance"), error.getMessage());
    }

    @Test
    void aSegmentPropertyOfAnotherTypeIsRefused() {
        weaviate()
                .createCollection(
                        "{\"class\":\"" + WeaviateHarness.COLLECTION + "\",\"vectorizer\":\"none\",\"properties\":["
                                + "{\"name\":\"start_seconds\",\"dataType\":[\"text\"]}]}");
        ConnectException error =
                assertThrows(ConnectException.class, () -> harness().start(Map.of()));
        assertTrue(
                error.getMessage()
                        .contains(
                                "has property start_seconds of type text, but the sink writes the segment's start_seconds as number"),
                error.getMessage());
    }

    @Test
    void aSingleNamedVectorIsWrittenAndSearchedByItsName() {
        weaviate()
                .createCollection("{\"class\":\"" + WeaviateHarness.COLLECTION
                        + "\",\"vectorConfig\":{\"embedding\":{\"vectorIndexType\":\"hnsw\",\"vectorizer\":"
                        + "{\"none\":{}}}}}");
        SinkTasks.write(
                harness().start(Map.of()),
                List.of(harness().records().record(0, List.of(0.0, 1.0, 0.0, 0.0), Map.of())));
        assertArrayEquals(
                new float[] {0, 1, 0, 0},
                weaviate()
                        .readAll(WeaviateHarness.COLLECTION)
                        .get(SegmentRecords.id(0))
                        .vector());
        try (VectorSearcher searcher =
                new WeaviateSearcherProvider().open(harness().props(Map.of()))) {
            assertEquals(
                    1.0,
                    searcher.search(new SearchRequest(new float[] {0, 2, 0, 0}, 1, List.of(), null))
                            .get(0)
                            .score(),
                    1e-6);
        }
    }

    @Test
    void severalNamedVectorsWithoutADefaultOneAreRefused() {
        weaviate()
                .createCollection(
                        "{\"class\":\"" + WeaviateHarness.COLLECTION + "\",\"vectorConfig\":{"
                                + "\"title\":{\"vectorIndexType\":\"hnsw\",\"vectorizer\":{\"none\":{}}},\"frames\":{\"vectorIndexType\":\"hnsw\",\"vectorizer\":{\"none\":{}}}}}");
        ConnectException error =
                assertThrows(ConnectException.class, () -> harness().start(Map.of()));
        assertTrue(error.getMessage().contains("has the named vectors [frames, title]"), error.getMessage());
    }

    @Test
    void theSearcherRefusesAMissingCollection() {
        try (VectorSearcher searcher =
                new WeaviateSearcherProvider().open(harness().props(Map.of()))) {
            StoreException error = assertThrows(StoreException.class, searcher::checkReachable);
            assertEquals(
                    "collection " + WeaviateHarness.COLLECTION + " does not exist; the sink creates it",
                    error.getMessage());
        }
    }
}
