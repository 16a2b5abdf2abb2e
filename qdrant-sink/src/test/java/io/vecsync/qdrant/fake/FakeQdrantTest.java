/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant.fake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.qdrant.client.ConditionFactory;
import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.SearchPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's Qdrant semantics, through the official client: what the sink tests rely on it to get right. */
class FakeQdrantTest {

    private FakeQdrant fake;
    private QdrantClient client;

    @BeforeEach
    void start() {
        fake = FakeQdrant.start("key");
        client = new QdrantClient(QdrantGrpcClient.newBuilder(fake.host(), fake.port(), false, false)
                .withApiKey("key")
                .build());
        fake.createCollection("c", FakeQdrant.unnamed(3, Distance.Cosine));
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private static PointStruct point(
            int n, Map<String, io.qdrant.client.grpc.JsonWithInt.Value> payload, float... vector) {
        return PointStruct.newBuilder()
                .setId(PointIdFactory.id(uuid(n)))
                .setVectors(VectorsFactory.vectors(vector))
                .putAllPayload(payload)
                .build();
    }

    private static UUID uuid(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }

    private static Status.Code failure(Future<?> call) {
        ExecutionException error = assertThrows(ExecutionException.class, call::get);
        return Status.fromThrowable(error.getCause()).getCode();
    }

    private static String description(Future<?> call) {
        return Status.fromThrowable(
                        assertThrows(ExecutionException.class, call::get).getCause())
                .getDescription();
    }

    @Test
    void aBatchWithOneWrongDimensionIsRefusedWhole() {
        Future<?> upsert = client.upsertAsync("c", List.of(point(1, Map.of(), 1, 2, 3), point(2, Map.of(), 1, 2)));
        assertEquals("Wrong input: Vector dimension error: expected dim: 3, got 2", description(upsert));
        assertTrue(fake.points("c").isEmpty());
        assertEquals(
                Status.Code.NOT_FOUND, failure(client.upsertAsync("missing", List.of(point(1, Map.of(), 1, 2, 3)))));
    }

    @Test
    void cosineVectorsAreStoredNormalisedAndScoredByCosineSimilarity() throws Exception {
        client.upsertAsync("c", List.of(point(1, Map.of(), 3, 0, 4), point(2, Map.of(), 0, 5, 0)))
                .get();
        assertArrayEquals(
                new float[] {0.6f, 0, 0.8f},
                fake.points("c").get(uuid(1).toString()).vector(),
                1e-6f);
        List<ScoredPoint> hits = client.queryAsync(QueryPoints.newBuilder()
                        .setCollectionName("c")
                        .setQuery(QueryFactory.nearest(6, 0, 8))
                        .build())
                .get();
        assertEquals(
                List.of(uuid(1).toString(), uuid(2).toString()),
                hits.stream().map(h -> h.getId().getUuid()).toList());
        assertEquals(1.0, hits.get(0).getScore(), 1e-6);
        assertEquals(0.0, hits.get(1).getScore(), 1e-6);
        assertTrue(hits.get(0).getPayloadMap().isEmpty(), "a query returns no payload unless asked");
    }

    @Test
    void filtersMatchAnyOfTheKeywordsAndArrayElements() throws Exception {
        client.upsertAsync(
                        "c",
                        List.of(
                                point(1, Map.of("video_id", ValueFactory.value("a")), 1, 0, 0),
                                point(2, Map.of("video_id", ValueFactory.value("b")), 1, 0, 0),
                                point(
                                        3,
                                        Map.of(
                                                "video_id",
                                                ValueFactory.list(
                                                        List.of(ValueFactory.value("c"), ValueFactory.value("a")))),
                                        1,
                                        0,
                                        0),
                                point(4, Map.of(), 1, 0, 0)))
                .get();
        Filter anyOf = Filter.newBuilder()
                .addMust(ConditionFactory.matchKeywords("video_id", List.of("a", "b")))
                .addMustNot(ConditionFactory.hasId(PointIdFactory.id(uuid(2))))
                .build();
        List<ScoredPoint> hits = client.queryAsync(QueryPoints.newBuilder()
                        .setCollectionName("c")
                        .setQuery(QueryFactory.nearest(1, 0, 0))
                        .setFilter(anyOf)
                        .setWithPayload(WithPayloadSelectorFactory.enable(true))
                        .setScoreThreshold(0.5f)
                        .build())
                .get();
        assertEquals(
                List.of(uuid(1).toString(), uuid(3).toString()),
                hits.stream().map(h -> h.getId().getUuid()).toList());
        assertEquals("a", hits.get(0).getPayloadMap().get("video_id").getStringValue());
    }

    @Test
    void scrollPagesThroughEveryPointInIdOrder() throws Exception {
        List<PointStruct> points = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            points.add(point(i, Map.of(), 1, 1, i));
        }
        client.upsertAsync("c", points).get();
        List<String> seen = new ArrayList<>();
        PointId offset = null;
        do {
            ScrollPoints.Builder scroll =
                    ScrollPoints.newBuilder().setCollectionName("c").setLimit(2);
            if (offset != null) {
                scroll.setOffset(offset);
            }
            ScrollResponse page = client.scrollAsync(scroll.build()).get();
            page.getResultList().forEach(p -> seen.add(p.getId().getUuid()));
            offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
        } while (offset != null);
        assertEquals(
                List.of(1, 2, 3, 4, 5).stream().map(i -> uuid(i).toString()).toList(), seen);
    }

    @Test
    void theApiKeyIsRequiredAndInjectedFailuresCountCalls() throws Exception {
        try (QdrantClient anonymous =
                new QdrantClient(QdrantGrpcClient.newBuilder(fake.host(), fake.port(), false, false)
                        .build())) {
            assertEquals(
                    "Must provide an API key or an Authorization bearer token",
                    description(anonymous.collectionExistsAsync("c")));
            assertEquals("1.18.0", anonymous.healthCheckAsync().get().getVersion(), "the health check needs no key");
        }
        fake.failNext(2, Status.Code.UNAVAILABLE);
        assertEquals(Status.Code.UNAVAILABLE, failure(client.collectionExistsAsync("c")));
        assertEquals(Status.Code.UNAVAILABLE, failure(client.collectionExistsAsync("c")));
        assertTrue(client.collectionExistsAsync("c").get());
    }

    @Test
    void whatTheFakeDoesNotImplementSaysSo() {
        assertEquals(
                Status.Code.UNIMPLEMENTED,
                failure(client.searchAsync(SearchPoints.newBuilder()
                        .setCollectionName("c")
                        .addAllVector(List.of(1f, 0f, 0f))
                        .setLimit(1)
                        .build())));
    }
}
