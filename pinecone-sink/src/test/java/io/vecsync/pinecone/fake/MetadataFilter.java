/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone.fake;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Pinecone's metadata filter language, as the data plane evaluates it: {@code {"field": value}} (implicit $eq),
 * {@code {"field": {"$eq"|"$ne"|"$in"|"$nin"|"$gt"|"$gte"|"$lt"|"$lte"|"$exists": ...}}}, {@code $and} and {@code $or}.
 * A list-of-strings field matches $eq and $in when any of its elements does.
 */
final class MetadataFilter {

    private final Struct filter;

    /** @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT for an operator Pinecone does not have, or a wrong operand */
    MetadataFilter(Struct filter) {
        this.filter = filter;
        validate(filter);
    }

    private static void validate(Struct filter) {
        for (Map.Entry<String, Value> clause : filter.getFieldsMap().entrySet()) {
            if (clause.getKey().equals("$and") || clause.getKey().equals("$or")) {
                subFilters(clause.getValue()).forEach(MetadataFilter::validate);
            } else if (clause.getKey().startsWith("$")) {
                invalid("unknown operator " + clause.getKey());
            } else if (clause.getValue().hasStructValue()) {
                clause.getValue().getStructValue().getFieldsMap().forEach(MetadataFilter::validateOperator);
            }
        }
    }

    private static void validateOperator(String operator, Value operand) {
        boolean valid = switch (operator) {
            case "$eq", "$ne" -> !operand.hasStructValue() && !operand.hasListValue();
            case "$in", "$nin" -> operand.hasListValue();
            case "$gt", "$gte", "$lt", "$lte" -> operand.hasNumberValue();
            case "$exists" -> operand.hasBoolValue();
            default -> false;
        };
        if (!valid) {
            invalid("operator " + operator + " with operand " + operand.getKindCase());
        }
    }

    boolean matches(Struct metadata) {
        return matches(filter, metadata.getFieldsMap());
    }

    private static boolean matches(Struct filter, Map<String, Value> metadata) {
        for (Map.Entry<String, Value> clause : filter.getFieldsMap().entrySet()) {
            String key = clause.getKey();
            boolean holds = switch (key) {
                case "$and" -> subFilters(clause.getValue()).stream().allMatch(sub -> matches(sub, metadata));
                case "$or" -> subFilters(clause.getValue()).stream().anyMatch(sub -> matches(sub, metadata));
                default -> field(metadata.get(key), clause.getValue());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static List<Struct> subFilters(Value value) {
        if (!value.hasListValue()) {
            invalid("$and and $or take a list of filters");
        }
        return value.getListValue().getValuesList().stream()
                .map(Value::getStructValue)
                .toList();
    }

    private static boolean field(Value actual, Value condition) {
        if (!condition.hasStructValue()) {
            return equal(actual, condition);
        }
        for (Map.Entry<String, Value> operator :
                condition.getStructValue().getFieldsMap().entrySet()) {
            Value operand = operator.getValue();
            boolean holds = switch (operator.getKey()) {
                case "$eq" -> equal(actual, operand);
                case "$ne" -> actual != null && !equal(actual, operand);
                case "$in" ->
                    operand.getListValue().getValuesList().stream().anyMatch(candidate -> equal(actual, candidate));
                case "$nin" ->
                    actual != null
                            && operand.getListValue().getValuesList().stream()
                                    .noneMatch(candidate -> equal(actual, candidate));
                case "$gt" -> range(actual, operand, order -> order > 0);
                case "$gte" -> range(actual, operand, order -> order >= 0);
                case "$lt" -> range(actual, operand, order -> order < 0);
                case "$lte" -> range(actual, operand, order -> order <= 0);
                default -> (actual != null) == operand.getBoolValue(); // $exists, the one operator validate() leaves
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(Value actual, Value expected) {
        if (actual == null) {
            return false;
        }
        if (actual.hasListValue()) {
            return actual.getListValue().getValuesList().contains(expected);
        }
        return actual.equals(expected);
    }

    /** Numbers only: a missing or non-numeric field is neither above, equal to nor below the operand. */
    private static boolean range(Value actual, Value operand, IntPredicate holds) {
        return actual != null
                && actual.hasNumberValue()
                && holds.test(Double.compare(actual.getNumberValue(), operand.getNumberValue()));
    }

    private static void invalid(String problem) {
        throw Status.INVALID_ARGUMENT
                .withDescription("Invalid filter: " + problem)
                .asRuntimeException();
    }
}
