package io.vecsync.weaviate;

import com.fasterxml.jackson.databind.JsonNode;
import io.vecsync.core.search.SearchHit;
import io.vecsync.core.search.SearchRequest;
import io.vecsync.core.search.VectorSearcher;
import io.vecsync.testing.SinkTasks;
import io.vecsync.testing.weaviate.FakeWeaviate;
import io.vecsync.testing.weaviate.StoredObject;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Collection set-up: what the sink creates, which existing collections it takes, and which it refuses saying why. */
class WeaviateCollectionAdminTest {

    @RegisterExtension
    static final SinkHarness harness = new SinkHarness(FakeWeaviate.start());

    private static JsonNode definition() {
        return harness.fake.collection(SinkHarness.COLLECTION).orElseThrow();
    }

    private static Map<String, String> propertyTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        definition().path("properties").forEach(p -> types.put(p.get("name").asText(), p.get("dataType").get(0).asText()
                + "/" + p.path("tokenization").asText("-")));
        return types;
    }

    @Test
    void createsACollectionWithoutVectorizerWithCosineHnswAndTheSegmentProperties() {
        harness.start(Map.of());
        JsonNode vector = definition().path("vectorConfig").path("default");
        assertEquals("{\"none\":{}}", vector.path("vectorizer").toString());
        assertEquals("hnsw", vector.path("vectorIndexType").asText());
        assertEquals("cosine", vector.path("vectorIndexConfig").path("distance").asText());
        assertEquals(false, definition().path("multiTenancyConfig").path("enabled").asBoolean());
        assertEquals(Map.ofEntries(Map.entry("video_id", "text/field"), Map.entry("start", "text/field"), Map.entry("end", "text/field"),
                        Map.entry("start_seconds", "number/-"), Map.entry("end_seconds", "number/-"),
                        Map.entry("embedding_option", "text/field"), Map.entry("embedding_scope", "text/field"),
                        Map.entry("video_name", "text/word"), Map.entry("created_at", "text/field"),
                        Map.entry("hls_playlist_url", "text/field"), Map.entry("thumbnail_url", "text/field")),
                propertyTypes());
    }

    @Test
    void theDocsCollectionIsKeptAndGivenTheMissingProperties() {
        harness.weaviate.createDocsCollection(SinkHarness.COLLECTION);
        harness.weaviate.insert(SinkHarness.COLLECTION, "6a1b4c3e-0c8f-5e55-9a39-6a4f3a0f1e01", new float[]{0, 1, 0, 0}, SinkHarness.VIDEO);
        SinkTasks.write(harness.start(Map.of()), List.of(harness.segment(0, List.of(1.0, 0.0, 0.0, 0.0), Map.of())));

        assertEquals("text/word", propertyTypes().get("video_id"), "the docs' property is kept as it is");
        assertEquals("number/-", propertyTypes().get("start_seconds"));
        Map<String, StoredObject> objects = harness.fake.objects(SinkHarness.COLLECTION);
        assertEquals(2, objects.size(), "the docs script's object stays");
        assertEquals(Set.of(StoredObject.LEGACY), objects.get(SinkHarness.id(0)).vectors().keySet(), "written to the class-level vector");
        try (VectorSearcher searcher = new WeaviateSearcherProvider().open(harness.props(Map.of()))) {
            List<SearchHit> hits = searcher.search(new SearchRequest(new float[]{1, 0, 0, 0}, 5, List.of(SinkHarness.VIDEO), null));
            assertEquals(SinkHarness.id(0), hits.get(0).segmentId());
            assertEquals(1.0, hits.get(0).score(), 1e-6);
            assertEquals(0.0, hits.get(1).score(), 1e-6, "orthogonal: cosine distance 1");
        }
    }

    @Test
    void aCollectionWithAVectorizerIsRefused() {
        harness.weaviate.createCollection("{\"class\":\"" + SinkHarness.COLLECTION + "\",\"vectorizer\":\"text2vec-openai\"}");
        ConnectException error = assertThrows(ConnectException.class, () -> harness.start(Map.of()));
        assertEquals("collection " + SinkHarness.COLLECTION + " vectorizes its 'default' vector with text2vec-openai, but the sink supplies"
                + " the platform's embeddings: use a collection whose vector has no vectorizer (none), or another weaviate.collection",
                error.getMessage());
    }

    @Test
    void aCollectionWithAnotherDistanceIsRefused() {
        harness.weaviate.createCollection("{\"class\":\"" + SinkHarness.COLLECTION + "\",\"vectorConfig\":{\"default\":{\"vectorizer\":"
                + "{\"none\":{}},\"vectorIndexConfig\":{\"distance\":\"dot\"}}}}");
        ConnectException error = assertThrows(ConnectException.class, () -> harness.start(Map.of()));
        assertTrue(error.getMessage().contains("compares vectors by dot distance"), error.getMessage());
    }

    @Test
    void aSegmentPropertyOfAnotherTypeIsRefused() {
        harness.weaviate.createCollection("{\"class\":\"" + SinkHarness.COLLECTION + "\",\"vectorizer\":\"none\",\"properties\":["
                + "{\"name\":\"start_seconds\",\"dataType\":[\"text\"]}]}");
        ConnectException error = assertThrows(ConnectException.class, () -> harness.start(Map.of()));
        assertTrue(error.getMessage().contains("has property start_seconds of type text, but the sink writes the segment's start_seconds as number"),
                error.getMessage());
    }

    @Test
    void aSingleNamedVectorIsWrittenAndSearchedByItsName() {
        harness.weaviate.createCollection("{\"class\":\"" + SinkHarness.COLLECTION + "\",\"vectorConfig\":{\"embedding\":{\"vectorizer\":"
                + "{\"none\":{}}}}}");
        SinkTasks.write(harness.start(Map.of()), List.of(harness.segment(0, List.of(0.0, 1.0, 0.0, 0.0), Map.of())));
        StoredObject stored = harness.fake.objects(SinkHarness.COLLECTION).get(SinkHarness.id(0));
        assertArrayEquals(new float[]{0, 1, 0, 0}, stored.vectors().get("embedding"));
        try (VectorSearcher searcher = new WeaviateSearcherProvider().open(harness.props(Map.of()))) {
            assertEquals(1.0, searcher.search(new SearchRequest(new float[]{0, 2, 0, 0}, 1, List.of(), null)).get(0).score(), 1e-6);
        }
    }

    @Test
    void severalNamedVectorsWithoutADefaultOneAreRefused() {
        harness.weaviate.createCollection("{\"class\":\"" + SinkHarness.COLLECTION + "\",\"vectorConfig\":{"
                + "\"title\":{\"vectorizer\":{\"none\":{}}},\"frames\":{\"vectorizer\":{\"none\":{}}}}}");
        ConnectException error = assertThrows(ConnectException.class, () -> harness.start(Map.of()));
        assertTrue(error.getMessage().contains("has the named vectors [title, frames]"), error.getMessage());
    }

    @Test
    void theSearcherRefusesAMissingCollection() {
        try (VectorSearcher searcher = new WeaviateSearcherProvider().open(harness.props(Map.of()))) {
            ConnectException error = assertThrows(ConnectException.class, searcher::checkReachable);
            assertEquals("collection " + SinkHarness.COLLECTION + " does not exist; the sink creates it", error.getMessage());
        }
    }
}
