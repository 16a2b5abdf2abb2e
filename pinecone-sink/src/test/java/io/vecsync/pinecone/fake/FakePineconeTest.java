/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.pinecone.clients.Index;
import io.pinecone.clients.Pinecone;
import io.pinecone.configs.PineconeConfig;
import io.pinecone.configs.PineconeConnection;
import io.pinecone.exceptions.PineconeAlreadyExistsException;
import io.pinecone.exceptions.PineconeAuthorizationException;
import io.pinecone.exceptions.PineconeNotFoundException;
import io.pinecone.proto.ListItem;
import io.pinecone.proto.ListResponse;
import io.pinecone.unsigned_indices_model.ScoredVectorWithUnsignedIndices;
import io.pinecone.unsigned_indices_model.VectorWithUnsignedIndices;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openapitools.db_control.client.model.IndexModel;

/** The fake as the official client sees it: Pinecone's answers, errors and limits over both planes. */
class FakePineconeTest {

    private static final FakePinecone FAKE = FakePinecone.start("fake-test-key");
    private static final Pinecone CLIENT = new Pinecone.Builder(FAKE.apiKey())
            .withHost(FAKE.controlPlaneUrl())
            .withTlsEnabled(false)
            .build();

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    private static Struct metadata(String video) {
        return Struct.newBuilder()
                .putFields("video_id", Value.newBuilder().setStringValue(video).build())
                .build();
    }

    private static VectorWithUnsignedIndices vector(String id, String video, float... values) {
        return new VectorWithUnsignedIndices(id, toList(values), metadata(video), null);
    }

    private static List<Float> toList(float... values) {
        List<Float> list = new ArrayList<>();
        for (float value : values) {
            list.add(value);
        }
        return list;
    }

    @Test
    void theControlPlaneCreatesDescribesListsAndDeletesIndexes() {
        assertThrows(PineconeNotFoundException.class, () -> CLIENT.describeIndex("control"));
        IndexModel created =
                CLIENT.createServerlessIndex("control", "cosine", 8, "gcp", "europe-west4", "disabled", null);
        assertFalse(created.getStatus().getReady(), "a new index is initializing");
        IndexModel described = CLIENT.describeIndex("control");
        assertEquals(
                List.of(8, "cosine", true),
                List.of(
                        described.getDimension(),
                        described.getMetric(),
                        described.getStatus().getReady()));
        assertEquals(FAKE.index("control").orElseThrow().host(), described.getHost());
        assertThrows(
                PineconeAlreadyExistsException.class,
                () -> CLIENT.createServerlessIndex("control", "cosine", 8, "aws", "us-east-1", "disabled", null));
        assertTrue(CLIENT.listIndexes().getIndexes().stream()
                .anyMatch(index -> index.getName().equals("control")));
        CLIENT.deleteIndex("control");
        assertTrue(FAKE.index("control").isEmpty());

        Pinecone wrongKey = new Pinecone.Builder("wrong")
                .withHost(FAKE.controlPlaneUrl())
                .withTlsEnabled(false)
                .build();
        assertThrows(PineconeAuthorizationException.class, () -> wrongKey.listIndexes());
    }

    @Test
    void upsertsOverwriteQueriesScoreByCosineAndFilter() {
        FAKE.createIndex("data", 3, "cosine");
        Index index = CLIENT.getIndexConnection("data");
        index.upsert(List.of(vector("a", "v1", 1, 0, 0), vector("b", "v2", 0, 1, 0), vector("c", "v1", 1, 1, 0)), "ns");
        index.upsert(List.of(vector("b", "v2", 0, 0, 1)), "ns");
        assertEquals(3, index.describeIndexStats().getNamespacesMap().get("ns").getVectorCount());

        List<ScoredVectorWithUnsignedIndices> all =
                index.queryByVector(3, toList(1, 0, 0), "ns", null, false, true).getMatchesList();
        assertEquals(
                List.of("a", "c", "b"),
                all.stream().map(ScoredVectorWithUnsignedIndices::getId).toList());
        assertEquals(
                List.of(1.0f, (float) (1 / Math.sqrt(2)), 0.0f),
                all.stream().map(ScoredVectorWithUnsignedIndices::getScore).toList());
        assertEquals("v1", all.get(0).getMetadata().getFieldsOrThrow("video_id").getStringValue());

        Struct in = Struct.newBuilder()
                .putFields(
                        "video_id",
                        Value.newBuilder()
                                .setStructValue(Struct.newBuilder()
                                        .putFields(
                                                "$in",
                                                Value.newBuilder()
                                                        .setListValue(ListValue.newBuilder()
                                                                .addValues(Value.newBuilder()
                                                                        .setStringValue("v2")))
                                                        .build()))
                                .build())
                .build();
        assertEquals(
                List.of("b"),
                index.queryByVector(3, toList(1, 0, 0), "ns", in, false, false).getMatchesList().stream()
                        .map(ScoredVectorWithUnsignedIndices::getId)
                        .toList());
        Struct unknown = Struct.newBuilder()
                .putFields(
                        "video_id",
                        Value.newBuilder()
                                .setStructValue(Struct.newBuilder()
                                        .putFields(
                                                "$like",
                                                Value.newBuilder()
                                                        .setStringValue("v")
                                                        .build()))
                                .build())
                .build();
        assertEquals(
                Status.Code.INVALID_ARGUMENT,
                assertThrows(
                                StatusRuntimeException.class,
                                () -> index.queryByVector(3, toList(1, 0, 0), "ns", unknown, false, false))
                        .getStatus()
                        .getCode());

        index.deleteByIds(List.of("a", "missing"), "ns");
        assertEquals(
                List.of("b", "c"),
                List.copyOf(FAKE.index("data").orElseThrow().vectors("ns").keySet()));
        index.close();
    }

    @Test
    void requestsBeyondPineconesRulesAreRefusedLikePineconeDoes() {
        FAKE.createIndex("rules", 3, "cosine");
        Index index = CLIENT.getIndexConnection("rules");
        StatusRuntimeException dimension =
                assertThrows(StatusRuntimeException.class, () -> index.upsert(List.of(vector("a", "v", 1, 2)), ""));
        assertEquals(Status.Code.INVALID_ARGUMENT, dimension.getStatus().getCode());
        assertEquals(
                "Vector dimension 2 does not match the dimension of the index 3",
                dimension.getStatus().getDescription());

        List<VectorWithUnsignedIndices> tooMany = new ArrayList<>();
        for (int i = 0; i < FakeIndex.MAX_UPSERT_VECTORS + 1; i++) {
            tooMany.add(vector("id-" + i, "v", 1, 0, i));
        }
        assertEquals(
                Status.Code.INVALID_ARGUMENT,
                assertThrows(StatusRuntimeException.class, () -> index.upsert(tooMany, ""))
                        .getStatus()
                        .getCode());
        assertEquals(
                Status.Code.NOT_FOUND,
                assertThrows(StatusRuntimeException.class, () -> index.deleteByIds(List.of("a"), "never-written"))
                        .getStatus()
                        .getCode());
        assertTrue(FAKE.index("rules").orElseThrow().upserts().isEmpty(), "a refused request changes nothing");
        index.close();
    }

    @Test
    void listPagesThroughIdsAndTheApiKeyIsChecked() {
        FAKE.createIndex("paging", 2, "cosine");
        Index index = CLIENT.getIndexConnection("paging");
        List<VectorWithUnsignedIndices> vectors = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            vectors.add(vector(String.format("id-%03d", i), "v", 1, i));
        }
        index.upsert(vectors, "");
        List<String> ids = new ArrayList<>();
        ListResponse page = index.list("", 100);
        page.getVectorsList().stream().map(ListItem::getId).forEach(ids::add);
        page = index.list("", 100, page.getPagination().getNext());
        page.getVectorsList().stream().map(ListItem::getId).forEach(ids::add);
        assertEquals(150, ids.size());
        assertFalse(page.hasPagination());
        assertEquals(2, index.fetch(List.of("id-000", "id-149", "missing"), "").getVectorsCount());
        index.close();

        PineconeConfig wrongKey = new PineconeConfig("wrong");
        wrongKey.setHost(FAKE.index("paging").orElseThrow().host());
        wrongKey.setTLSEnabled(false);
        Index unauthorized = new Index(wrongKey, new PineconeConnection(wrongKey), "paging");
        assertEquals(
                Status.Code.UNAUTHENTICATED,
                assertThrows(StatusRuntimeException.class, () -> unauthorized.describeIndexStats())
                        .getStatus()
                        .getCode());
        unauthorized.close();
    }
}
