/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.vecsync.core.SegmentIds;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.qdrant.fake.FakePoint;
import io.vecsync.qdrant.fake.FakeQdrant;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.SinkTasks;
import io.vecsync.testing.StoreTestHarness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The collection the sink creates or accepts, and the points it writes into it, on the fake Qdrant. */
class QdrantCollectionTest {

    private static final String COLLECTION = "video-segments";
    private static final String VIDEO = "a249266f-052d-4148-bc2f-3efa76dc4269";
    private static FakeQdrant qdrant;
    private final StoreTestHarness<VectorSinkTask> tasks = new StoreTestHarness<>(QdrantSinkTask::new);

    @BeforeAll
    static void startFake() {
        qdrant = FakeQdrant.start();
    }

    @AfterAll
    static void stopFake() {
        qdrant.close();
    }

    @BeforeEach
    @AfterEach
    void clean() {
        tasks.close();
        qdrant.deleteAllCollections();
    }

    private static Map<String, String> props(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of(
                QdrantSinkConfig.HOST,
                qdrant.host(),
                QdrantSinkConfig.PORT,
                Integer.toString(qdrant.port()),
                CommonSinkConfig.EMBEDDING_DIMENSION,
                "3"));
        props.putAll(extra);
        return props;
    }

    private VectorSinkTask start(Map<String, String> extra) {
        return tasks.start(props(extra));
    }

    private static VectorsConfig named(String name, int size, Distance distance) {
        return VectorsConfig.newBuilder()
                .setParamsMap(VectorParamsMap.newBuilder()
                        .putMap(
                                name,
                                VectorParams.newBuilder()
                                        .setSize(size)
                                        .setDistance(distance)
                                        .build()))
                .build();
    }

    /** The video's segment from 00:00:10 to 00:00:20 with every field the platform sends. */
    private SinkRecord segment(float... vector) {
        return tasks.records()
                .segment(1)
                .vector(vector)
                .with("end_seconds", 20.0)
                .with("embedding_option", "visual")
                .record();
    }

    @Test
    void createsTheDocsCollectionWithCosineVectorsAndAVideoIdIndex() {
        start(Map.of());
        assertEquals(FakeQdrant.unnamed(3, Distance.Cosine), qdrant.vectorsConfig(COLLECTION));
        assertEquals(Map.of("video_id", PayloadSchemaType.Keyword), qdrant.payloadIndexes(COLLECTION));
    }

    @Test
    void writesPointsAsTheDocsDoWithTheOtherFieldsBeside() {
        SinkTasks.write(start(Map.of()), List.of(segment(3, 0, 4)));
        FakePoint point = qdrant.points(COLLECTION)
                .get(SegmentIds.documented(VIDEO, "00:00:10", "00:00:20").toString());
        assertArrayEquals(new float[] {0.6f, 0, 0.8f}, point.vector(), 1e-6f, "Qdrant keeps cosine vectors normalised");
        Map<String, Value> payload = point.payload();
        assertEquals(VIDEO, payload.get("video_id").getStringValue());
        assertEquals("00:00:10", payload.get("start").getStringValue());
        assertEquals("00:00:20", payload.get("end").getStringValue());
        assertEquals(10.0, payload.get("start_seconds").getDoubleValue(), "numbers stay numbers, for range filters");
        assertEquals("visual", payload.get("embedding_option").getStringValue());
        assertEquals(
                List.of("video_id", "start", "end", "start_seconds", "end_seconds", "embedding_option").stream()
                        .sorted()
                        .toList(),
                payload.keySet().stream().sorted().toList(),
                "neither the id nor the vector is repeated in the payload");
    }

    @Test
    void aNamedVectorIsCreatedWrittenAndSearched() {
        Map<String, String> named = Map.of(QdrantSinkConfig.VECTOR_NAME, "visual");
        SinkTasks.write(start(named), List.of(segment(1, 2, 2)));
        assertEquals(named("visual", 3, Distance.Cosine), qdrant.vectorsConfig(COLLECTION));
        assertEquals(
                3,
                qdrant.points(COLLECTION).values().iterator().next().vectors().get("visual").length);
        try (VectorSearcher searcher = new QdrantSearcherProvider().open(props(named))) {
            List<SearchHit> hits = searcher.search(new SearchRequest(new float[] {1, 2, 2}, 5, List.of(VIDEO), 0.5));
            assertEquals(1, hits.size());
            assertEquals(1.0, hits.get(0).score(), 1e-6);
            assertEquals(10.0, hits.get(0).payload().get("start_seconds"));
        }
    }

    @Test
    void anExistingCollectionWithAnotherDistanceIsRefused() {
        qdrant.createCollection(COLLECTION, FakeQdrant.unnamed(3, Distance.Dot));
        ConnectException error = assertThrows(ConnectException.class, () -> start(Map.of()));
        assertTrue(
                error.getMessage().contains("collection " + COLLECTION)
                        && error.getMessage().contains("distance Dot")
                        && error.getMessage().contains("expected Cosine"),
                error.getMessage());
    }

    @Test
    void namedVectorsNeedTheVectorNameSetting() {
        qdrant.createCollection(COLLECTION, named("visual", 3, Distance.Cosine));
        ConnectException error = assertThrows(ConnectException.class, () -> start(Map.of()));
        assertTrue(
                error.getMessage().contains("[visual]") && error.getMessage().contains(QdrantSinkConfig.VECTOR_NAME),
                error.getMessage());

        ConnectException wrongName =
                assertThrows(ConnectException.class, () -> start(Map.of(QdrantSinkConfig.VECTOR_NAME, "audio")));
        assertTrue(
                wrongName.getMessage().contains("no vector named 'audio'")
                        && wrongName.getMessage().contains("[visual]"),
                wrongName.getMessage());
    }

    @Test
    void aNamedVectorOfAnotherSizeIsRefusedNamingBoth() {
        qdrant.createCollection(COLLECTION, named("visual", 5, Distance.Cosine));
        ConnectException error =
                assertThrows(ConnectException.class, () -> start(Map.of(QdrantSinkConfig.VECTOR_NAME, "visual")));
        assertTrue(
                error.getMessage().contains("vector 'visual' of size 5")
                        && error.getMessage().contains("embedding.dimension is 3"),
                error.getMessage());
    }

    @Test
    void aUsersOwnVideoIdIndexIsKeptAndTheIndexCanBeLeftOut() {
        qdrant.createCollection(COLLECTION, FakeQdrant.unnamed(3, Distance.Cosine));
        start(Map.of(QdrantSinkConfig.PAYLOAD_INDEX_VIDEO_ID, "false"));
        assertEquals(Map.of(), qdrant.payloadIndexes(COLLECTION));
    }

    @Test
    void aCollectionAnotherTaskCreatedFirstIsAccepted() {
        qdrant.beforeNext(
                "qdrant.Collections/Create",
                () -> qdrant.createCollection(COLLECTION, FakeQdrant.unnamed(3, Distance.Cosine)));
        SinkTasks.write(start(Map.of()), List.of(segment(1, 2, 2)));
        assertEquals(1, qdrant.points(COLLECTION).size());
    }

    @Test
    void aCollectionTheKeyMayNotCreateFailsNamingTheKeySetting() {
        qdrant.beforeNext("qdrant.Collections/Create", () -> qdrant.failNext(1, Status.Code.PERMISSION_DENIED));
        ConnectException error = assertThrows(ConnectException.class, () -> start(Map.of()));
        assertTrue(
                error.getMessage().startsWith("creating collection " + COLLECTION + " failed: PERMISSION_DENIED")
                        && error.getMessage().contains(QdrantSinkConfig.API_KEY),
                error.getMessage());
        assertFalse(qdrant.hasCollection(COLLECTION));
    }
}
