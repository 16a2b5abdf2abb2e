/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

import io.qdrant.client.PointIdFactory;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.ValueFactory;
import io.qdrant.client.VectorsFactory;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.vecsync.bench.common.SegmentRow;
import io.vecsync.bench.common.SegmentRows;
import io.vecsync.qdrant.QdrantSinkConfig;
import io.vecsync.qdrant.QdrantSinkConnector;
import io.vecsync.qdrant.fake.FakeQdrant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Qdrant's fake, served over gRPC, with the official client's {@code upsertAsync(...).get()} per point. */
final class StoreSinkQdrant implements StoreSinkTarget.Fake {

    private final FakeQdrant fake = FakeQdrant.start();
    private final QdrantClient client = new QdrantClient(
            QdrantGrpcClient.newBuilder(fake.host(), fake.port(), false).build());

    @Override
    public String name() {
        return "Qdrant";
    }

    @Override
    public Map<String, String> sinkConfig(String run) {
        return Map.of(
                "connector.class",
                QdrantSinkConnector.class.getName(),
                QdrantSinkConfig.HOST,
                fake.host(),
                QdrantSinkConfig.PORT,
                Integer.toString(fake.port()),
                QdrantSinkConfig.COLLECTION,
                collection(run));
    }

    @Override
    public int pointCount(String run) {
        return fake.points(collection(run)).size();
    }

    @Override
    public StoreSinkBaseline baseline() {
        return new StoreSinkDirectLoop(
                this, "the official Java client (io.qdrant:client), upsertAsync(...).get() a point", this::openDirect);
    }

    private StoreSinkDirectLoop.PointWriter openDirect(String run) throws Exception {
        String collection = collection(run);
        client.createCollectionAsync(
                        collection,
                        VectorParams.newBuilder()
                                .setSize(SegmentRows.DIMENSION)
                                .setDistance(Distance.Cosine)
                                .build())
                .get();
        return row -> client.upsertAsync(collection, List.of(point(row))).get();
    }

    private static PointStruct point(SegmentRow row) {
        Map<String, Value> payload = new LinkedHashMap<>();
        StoreSinkTarget.payload(row)
                .forEach((key, value) -> payload.put(
                        key,
                        value instanceof Double number
                                ? ValueFactory.value(number)
                                : ValueFactory.value(value.toString())));
        return PointStruct.newBuilder()
                .setId(PointIdFactory.id(row.id()))
                .setVectors(VectorsFactory.vectors(row.embedding()))
                .putAllPayload(payload)
                .build();
    }

    private static String collection(String run) {
        return "bench-" + run;
    }

    @Override
    public void close() {
        client.close();
        fake.close();
    }
}
