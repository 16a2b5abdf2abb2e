/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.VectorOutputHelper;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.WithVectorsSelectorFactory;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.vecsync.testing.StoredPoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Direct calls to a Qdrant server through the official client: what the sink's tests read back and set up, outside the sink. */
final class QdrantTestCollections implements AutoCloseable {

    private final QdrantClient client;

    QdrantTestCollections(String host, int port, String apiKey) {
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(host, port, false, false);
        if (apiKey != null) {
            grpc.withApiKey(apiKey);
        }
        this.client = new QdrantClient(grpc.build());
    }

    QdrantClient client() {
        return client;
    }

    /** Every point of the collection with its vector (the unnamed one, or the named one given) and its payload as text. */
    Map<String, StoredPoint> readAll(String collection, String vectorName) {
        Map<String, StoredPoint> points = new HashMap<>();
        if (!get(client.collectionExistsAsync(collection))) {
            return points;
        }
        PointId offset = null;
        do {
            ScrollPoints.Builder scroll = ScrollPoints.newBuilder()
                    .setCollectionName(collection)
                    .setLimit(100)
                    .setWithPayload(WithPayloadSelectorFactory.enable(true))
                    .setWithVectors(WithVectorsSelectorFactory.enable(true));
            if (offset != null) {
                scroll.setOffset(offset);
            }
            ScrollResponse page = get(client.scrollAsync(scroll.build()));
            for (RetrievedPoint point : page.getResultList()) {
                VectorOutput vector = vectorName == null
                        ? point.getVectors().getVector()
                        : point.getVectors().getVectors().getVectorsOrThrow(vectorName);
                Map<String, String> payload = new HashMap<>();
                point.getPayloadMap()
                        .forEach((key, value) -> payload.put(
                                key,
                                switch (value.getKindCase()) {
                                    case STRING_VALUE -> value.getStringValue();
                                    case INTEGER_VALUE -> Long.toString(value.getIntegerValue());
                                    case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
                                    case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
                                    default -> value.toString();
                                }));
                points.put(
                        point.getId().getUuid(),
                        new StoredPoint(
                                floats(VectorOutputHelper.getDenseVector(vector).getDataList()), payload));
            }
            offset = page.hasNextPageOffset() ? page.getNextPageOffset() : null;
        } while (offset != null);
        return points;
    }

    void create(String collection, VectorsConfig vectors) {
        get(client.createCollectionAsync(CreateCollection.newBuilder()
                .setCollectionName(collection)
                .setVectorsConfig(vectors)
                .build()));
    }

    void drop(String collection) {
        if (get(client.collectionExistsAsync(collection))) {
            get(client.deleteCollectionAsync(collection));
        }
    }

    static <T> T get(Future<T> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static float[] floats(List<Float> values) {
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    @Override
    public void close() {
        client.close();
    }
}
