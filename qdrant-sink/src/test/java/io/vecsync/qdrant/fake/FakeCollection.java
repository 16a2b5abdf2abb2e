/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant.fake;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.FieldCondition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.Match;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Common.Range;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One collection of the fake: its vector config, its points in Qdrant's id order, its payload indexes, and Qdrant's
 * rules for them — dimension and vector-name checks, Cosine normalisation at write time, filters and scoring.
 */
final class FakeCollection {

    /** Qdrant orders numeric ids before UUIDs, numbers unsigned and UUIDs as 128-bit numbers (= their hex text). */
    static final Comparator<String> ID_ORDER = Comparator.<String, Boolean>comparing(id -> id.contains("-"))
            .thenComparing((a, b) -> a.contains("-")
                    ? a.compareTo(b)
                    : Long.compareUnsigned(Long.parseUnsignedLong(a), Long.parseUnsignedLong(b)));

    final VectorsConfig config;
    final Map<String, VectorParams> vectors = new LinkedHashMap<>();
    final TreeMap<String, FakePoint> points = new TreeMap<>(ID_ORDER);
    final Map<String, PayloadSchemaType> indexes = new LinkedHashMap<>();

    FakeCollection(VectorsConfig config) {
        this.config = config;
        if (config.hasParams()) {
            vectors.put(FakePoint.DEFAULT_VECTOR, validParams(config.getParams()));
        } else {
            config.getParamsMap().getMapMap().forEach((name, params) -> vectors.put(name, validParams(params)));
        }
    }

    private static VectorParams validParams(VectorParams params) {
        if (params.getSize() < 1 || params.getSize() > 65_536) {
            throw invalid("Validation error in body: [vectors_config.size: value " + params.getSize()
                    + " invalid, must be from 1 to 65536]");
        }
        if (params.getDistance() == Distance.UnknownDistance || params.getDistance() == Distance.UNRECOGNIZED) {
            throw invalid("Wrong input: unknown distance " + params.getDistance());
        }
        return params;
    }

    /** The point as Qdrant would store it; throws INVALID_ARGUMENT as Qdrant does for a point it refuses. */
    FakePoint prepare(PointStruct point, long version) {
        Map<String, float[]> stored = new LinkedHashMap<>();
        Vectors given = point.getVectors();
        Map<String, Vector> byName = given.hasVector()
                ? Map.of(FakePoint.DEFAULT_VECTOR, given.getVector())
                : given.getVectors().getVectorsMap();
        if (byName.isEmpty() && vectors.containsKey(FakePoint.DEFAULT_VECTOR)) {
            throw invalid("Wrong input: Vector dimension error: expected dim: "
                    + vectors.get(FakePoint.DEFAULT_VECTOR).getSize() + ", got 0");
        }
        byName.forEach((name, vector) -> stored.put(name, prepare(name, dense(vector))));
        return new FakePoint(canonicalId(point.getId()), stored, Map.copyOf(point.getPayloadMap()), version);
    }

    /** A vector checked against the named vector's params, and normalised for Cosine as Qdrant's preprocessing does. */
    float[] prepare(String name, float[] vector) {
        VectorParams params = vectors.get(name);
        if (params == null) {
            throw invalid("Wrong input: Not existing vector name error: " + name);
        }
        if (vector.length != params.getSize()) {
            throw invalid("Wrong input: Vector dimension error: expected dim: " + params.getSize() + ", got "
                    + vector.length);
        }
        if (params.getDistance() != Distance.Cosine) {
            return vector.clone();
        }
        float squares = 0;
        for (float v : vector) {
            squares += v * v;
        }
        // Qdrant leaves zero-length and already-normalised vectors as they are.
        if (squares < Math.ulp(1f) || Math.abs(squares - 1) <= 1e-6f) {
            return vector.clone();
        }
        float length = (float) Math.sqrt(squares);
        float[] normalised = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            normalised[i] = vector[i] / length;
        }
        return normalised;
    }

    @SuppressWarnings("deprecation")
    static float[] dense(Vector vector) {
        List<Float> data;
        if (vector.hasDense()) {
            data = vector.getDense().getDataList();
        } else if (vector.getVectorCase() == Vector.VectorCase.VECTOR_NOT_SET
                && !vector.hasIndices()
                && !vector.hasVectorsCount()) {
            data = vector.getDataList();
        } else {
            throw invalid("the fake Qdrant holds dense vectors only, not " + vector.getVectorCase());
        }
        float[] values = new float[data.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = data.get(i);
        }
        return values;
    }

    /** The score of a stored vector against a prepared query: higher is better except for the two distances. */
    float score(String name, float[] stored, float[] query) {
        Distance distance = vectors.get(name).getDistance();
        float result = 0;
        for (int i = 0; i < stored.length; i++) {
            float d = stored[i] - query[i];
            result += switch (distance) {
                case Euclid -> d * d;
                case Manhattan -> Math.abs(d);
                default -> stored[i] * query[i];
            };
        }
        return distance == Distance.Euclid ? (float) Math.sqrt(result) : result;
    }

    /** Whether a larger score is a closer point. */
    boolean higherIsCloser(String name) {
        Distance distance = vectors.get(name).getDistance();
        return distance == Distance.Cosine || distance == Distance.Dot;
    }

    static String canonicalId(PointId id) {
        if (id.hasUuid()) {
            try {
                return UUID.fromString(id.getUuid().trim()).toString();
            } catch (IllegalArgumentException e) {
                throw invalid("Unable to parse UUID: " + id.getUuid());
            }
        }
        if (id.hasNum()) {
            return Long.toUnsignedString(id.getNum());
        }
        throw invalid("Wrong input: point id is missing");
    }

    static PointId pointId(String canonical) {
        return canonical.contains("-")
                ? PointId.newBuilder().setUuid(canonical).build()
                : PointId.newBuilder().setNum(Long.parseUnsignedLong(canonical)).build();
    }

    // ---- filters

    static boolean matches(Filter filter, FakePoint point) {
        if (!filter.getMustList().stream().allMatch(c -> matches(c, point))) {
            return false;
        }
        if (filter.getShouldCount() > 0 && filter.getShouldList().stream().noneMatch(c -> matches(c, point))) {
            return false;
        }
        if (filter.getMustNotList().stream().anyMatch(c -> matches(c, point))) {
            return false;
        }
        return !filter.hasMinShould()
                || filter.getMinShould().getConditionsList().stream()
                                .filter(c -> matches(c, point))
                                .count()
                        >= filter.getMinShould().getMinCount();
    }

    private static boolean matches(Condition condition, FakePoint point) {
        return switch (condition.getConditionOneOfCase()) {
            case FIELD -> matches(condition.getField(), point);
            case HAS_ID ->
                condition.getHasId().getHasIdList().stream()
                        .map(FakeCollection::canonicalId)
                        .anyMatch(point.id()::equals);
            case FILTER -> matches(condition.getFilter(), point);
            case IS_EMPTY -> values(point, condition.getIsEmpty().getKey()).isEmpty();
            case IS_NULL -> {
                Value value = point.payload().get(condition.getIsNull().getKey());
                yield value != null && value.getKindCase() == Value.KindCase.NULL_VALUE;
            }
            default ->
                throw invalid("the fake Qdrant does not support " + condition.getConditionOneOfCase() + " conditions");
        };
    }

    private static boolean matches(FieldCondition field, FakePoint point) {
        List<Value> values = values(point, field.getKey());
        if (field.hasMatch()) {
            return matches(field.getMatch(), values);
        }
        if (field.hasRange()) {
            Range range = field.getRange();
            return values.stream()
                    .filter(v -> v.hasDoubleValue() || v.hasIntegerValue())
                    .mapToDouble(v -> v.hasDoubleValue() ? v.getDoubleValue() : v.getIntegerValue())
                    .anyMatch(v -> (!range.hasGt() || v > range.getGt())
                            && (!range.hasGte() || v >= range.getGte())
                            && (!range.hasLt() || v < range.getLt())
                            && (!range.hasLte() || v <= range.getLte()));
        }
        throw invalid("the fake Qdrant supports match and range field conditions only, not " + field);
    }

    private static boolean matches(Match match, List<Value> values) {
        return switch (match.getMatchValueCase()) {
            case KEYWORD ->
                values.stream()
                        .anyMatch(v -> v.hasStringValue() && v.getStringValue().equals(match.getKeyword()));
            case KEYWORDS ->
                values.stream()
                        .anyMatch(v -> v.hasStringValue()
                                && match.getKeywords().getStringsList().contains(v.getStringValue()));
            case EXCEPT_KEYWORDS ->
                !values.isEmpty()
                        && values.stream()
                                .noneMatch(v -> v.hasStringValue()
                                        && match.getExceptKeywords()
                                                .getStringsList()
                                                .contains(v.getStringValue()));
            case INTEGER ->
                values.stream().anyMatch(v -> v.hasIntegerValue() && v.getIntegerValue() == match.getInteger());
            case INTEGERS ->
                values.stream()
                        .anyMatch(v -> v.hasIntegerValue()
                                && match.getIntegers().getIntegersList().contains(v.getIntegerValue()));
            case BOOLEAN -> values.stream().anyMatch(v -> v.hasBoolValue() && v.getBoolValue() == match.getBoolean());
            default -> throw invalid("the fake Qdrant does not support " + match.getMatchValueCase() + " matches");
        };
    }

    /** The values at a payload key (dots go into objects); an array stands for each of its elements, as in Qdrant. */
    private static List<Value> values(FakePoint point, String key) {
        List<Value> current = new ArrayList<>();
        Value top = point.payload().get(key.split("\\.", 2)[0]);
        if (top != null) {
            current.add(top);
        }
        String[] path = key.split("\\.");
        for (int i = 1; i < path.length; i++) {
            List<Value> next = new ArrayList<>();
            for (Value value : flatten(current)) {
                if (value.hasStructValue() && value.getStructValue().containsFields(path[i])) {
                    next.add(value.getStructValue().getFieldsOrThrow(path[i]));
                }
            }
            current = next;
        }
        return flatten(current).stream()
                .filter(v -> v.getKindCase() != Value.KindCase.NULL_VALUE)
                .toList();
    }

    private static List<Value> flatten(List<Value> values) {
        List<Value> flat = new ArrayList<>();
        for (Value value : values) {
            if (value.hasListValue()) {
                flat.addAll(value.getListValue().getValuesList());
            } else {
                flat.add(value);
            }
        }
        return flat;
    }

    static StatusRuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }
}
