/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant.fake;

import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CountResponse;
import io.qdrant.client.grpc.Points.CountResult;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.NamedVectorsOutput;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.QueryResponse;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.ScrollPoints;
import io.qdrant.client.grpc.Points.ScrollResponse;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import io.qdrant.client.grpc.PointsGrpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fake's Points service: upsert, delete, query, scroll, count and payload indexes, with Qdrant's semantics. */
final class FakePointsService extends PointsGrpc.PointsImplBase {

    private final FakeQdrant fake;

    FakePointsService(FakeQdrant fake) {
        this.fake = fake;
    }

    @Override
    public void upsert(UpsertPoints request, StreamObserver<PointsOperationResponse> observer) {
        fake.answer(request, observer, () -> {
            FakeCollection collection = fake.existing(request.getCollectionName());
            fake.checkRefused(request.getPointsList());
            long version = fake.nextOperation();
            // Qdrant validates the whole request before applying any of it.
            List<FakePoint> prepared = new ArrayList<>();
            for (PointStruct point : request.getPointsList()) {
                prepared.add(collection.prepare(point, version));
            }
            prepared.forEach(point -> collection.points.put(point.id(), point));
            return fake.applied(request.getWait());
        });
    }

    @Override
    public void delete(DeletePoints request, StreamObserver<PointsOperationResponse> observer) {
        fake.answer(request, observer, () -> {
            FakeCollection collection = fake.existing(request.getCollectionName());
            switch (request.getPoints().getPointsSelectorOneOfCase()) {
                case POINTS ->
                    request.getPoints()
                            .getPoints()
                            .getIdsList()
                            .forEach(id -> collection.points.remove(FakeCollection.canonicalId(id)));
                case FILTER ->
                    collection
                            .points
                            .values()
                            .removeIf(point ->
                                    FakeCollection.matches(request.getPoints().getFilter(), point));
                default -> throw FakeCollection.invalid("Wrong input: no points selector");
            }
            return fake.applied(request.getWait());
        });
    }

    @Override
    public void createFieldIndex(CreateFieldIndexCollection request, StreamObserver<PointsOperationResponse> observer) {
        fake.answer(request, observer, () -> {
            FakeCollection collection = fake.existing(request.getCollectionName());
            if (!request.hasFieldType()) {
                throw FakeCollection.invalid("Wrong input: field_type is required");
            }
            collection.indexes.put(
                    request.getFieldName(),
                    switch (request.getFieldType()) {
                        case FieldTypeKeyword -> PayloadSchemaType.Keyword;
                        case FieldTypeInteger -> PayloadSchemaType.Integer;
                        case FieldTypeFloat -> PayloadSchemaType.Float;
                        case FieldTypeGeo -> PayloadSchemaType.Geo;
                        case FieldTypeText -> PayloadSchemaType.Text;
                        case FieldTypeBool -> PayloadSchemaType.Bool;
                        case FieldTypeDatetime -> PayloadSchemaType.Datetime;
                        case FieldTypeUuid -> PayloadSchemaType.Uuid;
                        case UNRECOGNIZED -> throw FakeCollection.invalid("Wrong input: unknown field type");
                    });
            return fake.applied(request.getWait());
        });
    }

    @Override
    public void query(QueryPoints request, StreamObserver<QueryResponse> observer) {
        fake.answer(request, observer, () -> {
            FakeCollection collection = fake.existing(request.getCollectionName());
            if (request.getPrefetchCount() > 0
                    || !request.getQuery().hasNearest()
                    || request.getQuery().getNearest().getVariantCase() != VectorInput.VariantCase.DENSE) {
                throw FakeCollection.invalid(
                        "the fake Qdrant answers nearest queries by a dense vector only, without prefetch");
            }
            String using = request.hasUsing() ? request.getUsing() : FakePoint.DEFAULT_VECTOR;
            float[] query =
                    collection.prepare(using, denseInput(request.getQuery().getNearest()));
            boolean higherIsCloser = collection.higherIsCloser(using);
            Filter filter = request.hasFilter() ? request.getFilter() : Filter.getDefaultInstance();
            List<ScoredPoint> hits = new ArrayList<>();
            for (FakePoint point : collection.points.values()) {
                float[] stored = point.vectors().get(using);
                if (stored == null || !FakeCollection.matches(filter, point)) {
                    continue;
                }
                float score = collection.score(using, stored, query);
                if (request.hasScoreThreshold()
                        && (higherIsCloser
                                ? score < request.getScoreThreshold()
                                : score > request.getScoreThreshold())) {
                    continue;
                }
                ScoredPoint.Builder hit = ScoredPoint.newBuilder()
                        .setId(FakeCollection.pointId(point.id()))
                        .setScore(score)
                        .setVersion(point.version())
                        .putAllPayload(
                                payload(point, request.hasWithPayload() ? request.getWithPayload() : null, false));
                vectors(point, request.hasWithVectors() ? request.getWithVectors() : null)
                        .ifPresent(hit::setVectors);
                hits.add(hit.build());
            }
            Comparator<ScoredPoint> byScore = Comparator.comparingDouble(ScoredPoint::getScore);
            hits.sort((higherIsCloser ? byScore.reversed() : byScore)
                    .thenComparing(hit -> FakeCollection.canonicalId(hit.getId()), FakeCollection.ID_ORDER));
            long offset = request.hasOffset() ? request.getOffset() : 0;
            long limit = request.hasLimit() ? request.getLimit() : 10;
            return QueryResponse.newBuilder()
                    .addAllResult(hits.stream().skip(offset).limit(limit).toList())
                    .setTime(0.001)
                    .build();
        });
    }

    @Override
    public void scroll(ScrollPoints request, StreamObserver<ScrollResponse> observer) {
        fake.answer(request, observer, () -> {
            FakeCollection collection = fake.existing(request.getCollectionName());
            int limit = request.hasLimit() ? request.getLimit() : 10;
            Map<String, FakePoint> from = request.hasOffset()
                    ? collection.points.tailMap(FakeCollection.canonicalId(request.getOffset()), true)
                    : collection.points;
            ScrollResponse.Builder response = ScrollResponse.newBuilder().setTime(0.001);
            for (FakePoint point : from.values()) {
                if (!FakeCollection.matches(request.getFilter(), point)) {
                    continue;
                }
                if (response.getResultCount() == limit) {
                    response.setNextPageOffset(FakeCollection.pointId(point.id()));
                    break;
                }
                RetrievedPoint.Builder retrieved = RetrievedPoint.newBuilder()
                        .setId(FakeCollection.pointId(point.id()))
                        .putAllPayload(
                                payload(point, request.hasWithPayload() ? request.getWithPayload() : null, true));
                vectors(point, request.hasWithVectors() ? request.getWithVectors() : null)
                        .ifPresent(retrieved::setVectors);
                response.addResult(retrieved);
            }
            return response.build();
        });
    }

    /**
     * Exact whatever the request's {@code exact}: without a filter Qdrant's approximate count is its segments' point
     * count, the same number; with one Qdrant estimates where the fake counts.
     */
    @Override
    public void count(CountPoints request, StreamObserver<CountResponse> observer) {
        fake.answer(request, observer, () -> {
            FakeCollection collection = fake.existing(request.getCollectionName());
            long count = collection.points.values().stream()
                    .filter(point -> FakeCollection.matches(request.getFilter(), point))
                    .count();
            return CountResponse.newBuilder()
                    .setResult(CountResult.newBuilder().setCount(count))
                    .setTime(0.001)
                    .build();
        });
    }

    private static float[] denseInput(VectorInput input) {
        List<Float> data = input.getDense().getDataList();
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.get(i);
        }
        return values;
    }

    /** The payload a selector asks for; no selector means all (scroll) or none (query), as in Qdrant. */
    private static Map<String, Value> payload(FakePoint point, WithPayloadSelector selector, boolean defaultAll) {
        if (selector == null) {
            return defaultAll ? point.payload() : Map.of();
        }
        return switch (selector.getSelectorOptionsCase()) {
            case ENABLE -> selector.getEnable() ? point.payload() : Map.of();
            case INCLUDE -> filterKeys(point.payload(), selector.getInclude().getFieldsList(), true);
            case EXCLUDE -> filterKeys(point.payload(), selector.getExclude().getFieldsList(), false);
            case SELECTOROPTIONS_NOT_SET -> defaultAll ? point.payload() : Map.of();
        };
    }

    private static Map<String, Value> filterKeys(Map<String, Value> payload, List<String> keys, boolean keep) {
        Map<String, Value> selected = new LinkedHashMap<>();
        payload.forEach((key, value) -> {
            if (keys.contains(key) == keep) {
                selected.put(key, value);
            }
        });
        return selected;
    }

    /** The vectors a selector asks for; none without one. The unnamed vector comes back alone, named ones in a map. */
    private static Optional<VectorsOutput> vectors(FakePoint point, WithVectorsSelector selector) {
        if (selector == null
                || (selector.getSelectorOptionsCase() == WithVectorsSelector.SelectorOptionsCase.ENABLE
                        && !selector.getEnable())) {
            return Optional.empty();
        }
        List<String> names = selector.hasInclude()
                ? selector.getInclude().getNamesList()
                : List.copyOf(point.vectors().keySet());
        if (point.vectors().containsKey(FakePoint.DEFAULT_VECTOR)) {
            return Optional.of(
                    VectorsOutput.newBuilder().setVector(output(point.vector())).build());
        }
        NamedVectorsOutput.Builder named = NamedVectorsOutput.newBuilder();
        names.stream()
                .filter(point.vectors()::containsKey)
                .forEach(name -> named.putVectors(name, output(point.vectors().get(name))));
        return Optional.of(VectorsOutput.newBuilder().setVectors(named).build());
    }

    private static VectorOutput output(float[] vector) {
        DenseVector.Builder dense = DenseVector.newBuilder();
        for (float v : vector) {
            dense.addData(v);
        }
        return VectorOutput.newBuilder().setDense(dense).build();
    }
}
