/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate.fake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weaviate.client6.v1.api.WeaviateApiException;
import io.weaviate.client6.v1.api.WeaviateClient;
import io.weaviate.client6.v1.api.collections.CollectionHandle;
import io.weaviate.client6.v1.api.collections.Property;
import io.weaviate.client6.v1.api.collections.VectorConfig;
import io.weaviate.client6.v1.api.collections.Vectors;
import io.weaviate.client6.v1.api.collections.WeaviateObject;
import io.weaviate.client6.v1.api.collections.data.InsertManyResponse;
import io.weaviate.client6.v1.api.collections.query.Filter;
import io.weaviate.client6.v1.api.collections.query.Metadata;
import io.weaviate.client6.v1.api.collections.vectorindex.Distance;
import io.weaviate.client6.v1.api.collections.vectorindex.Hnsw;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's Weaviate semantics, seen through the official client as any user of it sees them. */
class FakeWeaviateTest {

    private static final String A = "00000000-0000-4000-8000-00000000000a";
    private static final String B = "00000000-0000-4000-8000-00000000000b";
    private static final String C = "00000000-0000-4000-8000-00000000000c";
    private static FakeWeaviate fake;
    private static WeaviateClient client;
    private CollectionHandle<Map<String, Object>> clips;

    @BeforeAll
    static void start() {
        fake = FakeWeaviate.start();
        client = WeaviateClient.connectToCustom(c -> c.scheme("http")
                .httpHost(fake.host())
                .httpPort(fake.httpPort())
                .grpcHost(fake.host())
                .grpcPort(fake.grpcPort()));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        fake.close();
    }

    @BeforeEach
    void createCollection() throws Exception {
        fake.reset();
        clips = client.collections.create(
                "Clip",
                c -> c.properties(Property.text("video"), Property.number("seconds"))
                        .vectorConfig(VectorConfig.selfProvided(
                                v -> v.vectorIndex(Hnsw.of(h -> h.distance(Distance.COSINE))))));
    }

    private static WeaviateObject<Map<String, Object>> object(String id, String video, float... vector) {
        return WeaviateObject.of(
                o -> o.uuid(id).properties(Map.of("video", video)).vectors(Vectors.of(vector)));
    }

    @Test
    void aBatchRefusesOnlyTheObjectWhoseVectorLengthDiffersFromTheShards() {
        InsertManyResponse response = clips.data.insertMany(
                List.of(object(A, "v1", 1, 0, 0), object(B, "v1", 1, 0), object(C, "v2", 0, 1, 0)));
        assertEquals(
                List.of(true, false, true),
                response.responses().stream()
                        .map(InsertManyResponse.InsertObject::successful)
                        .toList());
        assertEquals(
                "Validate vector index default for target vector " + B
                        + ": new node has a vector with length 2. Existing nodes"
                        + " have vectors with length 3: vector dimensions do not match the index dimensions",
                response.responses().get(1).error());
        assertEquals(Set.of(A, C), fake.objects("Clip").keySet());
    }

    @Test
    void anInsertOfAnExistingIdReplacesTheObject() {
        clips.data.insertMany(List.of(WeaviateObject.of(
                o -> o.uuid(A).properties(Map.of("video", "v1", "seconds", 4.0)).vectors(Vectors.of(new float[] {1, 0, 0
                })))));
        clips.data.insertMany(List.of(object(A, "v2", 0, 0, 1)));
        StoredObject stored = fake.objects("Clip").get(A);
        assertEquals(Map.of("video", "v2"), stored.properties(), "properties replaced, not merged");
        assertArrayEquals(new float[] {0, 0, 1}, stored.vector());
    }

    @Test
    void nearVectorRanksByCosineDistanceAndFilters() {
        clips.data.insertMany(List.of(object(A, "v1", 1, 0, 0), object(B, "v1", 1, 1, 0), object(C, "v2", 0, 0, 1)));
        var all = clips.query
                .nearVector(new float[] {2, 0, 0}, q -> q.returnMetadata(Metadata.DISTANCE))
                .objects();
        assertEquals(List.of(A, B, C), all.stream().map(WeaviateObject::uuid).toList());
        assertEquals(0.0, all.get(0).queryMetadata().distance(), 1e-6);
        assertEquals(1 - Math.sqrt(0.5), all.get(1).queryMetadata().distance(), 1e-6);
        assertEquals(1.0, all.get(2).queryMetadata().distance(), 1e-6);
        var inV2 = clips.query
                .nearVector(
                        new float[] {2, 0, 0},
                        q -> q.filters(Filter.property("video").containsAny(List.of("v2"))))
                .objects();
        assertEquals(List.of(C), inV2.stream().map(WeaviateObject::uuid).toList());
    }

    @Test
    void deleteManyRemovesTheIdsThatMatch() {
        clips.data.insertMany(List.of(object(A, "v1", 1, 0, 0), object(B, "v1", 1, 1, 0)));
        var response = clips.data.deleteMany(Filter.uuid().containsAny(A, C));
        assertEquals(1, response.matches());
        assertEquals(Set.of(B), fake.objects("Clip").keySet());
    }

    @Test
    void classDefinitionsGetWeaviatesDefaultsAndErrors() throws Exception {
        assertEquals(
                "cosine",
                fake.collection("Clip")
                        .orElseThrow()
                        .path("vectorConfig")
                        .path("default")
                        .path("vectorIndexConfig")
                        .path("distance")
                        .asText());
        WeaviateApiException duplicate =
                assertThrows(WeaviateApiException.class, () -> client.collections.create("Clip"));
        assertEquals(422, duplicate.httpStatusCode());
        assertTrue(duplicate.getMessage().contains("class name Clip already exists"), duplicate.getMessage());
        assertTrue(client.collections.getConfig("Missing").isEmpty());
    }
}
