/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate.fake;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoBase.Filters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Weaviate's where filters over stored objects: And, Or, Not, Equal, NotEqual, ContainsAny, ContainsNone, IsNull and
 * the numeric comparisons, on {@code _id} or a property. Text is compared by tokens as the property's tokenization
 * makes them ({@code word} by default): Equal needs every token of the value, ContainsAny any one value's tokens.
 */
final class WhereFilters {

    private WhereFilters() {}

    static Predicate<StoredObject> predicate(Filters filter, JsonNode definition) {
        return switch (filter.getOperator()) {
            case OPERATOR_AND ->
                object -> filter.getFiltersList().stream()
                        .allMatch(f -> predicate(f, definition).test(object));
            case OPERATOR_OR ->
                object -> filter.getFiltersList().stream()
                        .anyMatch(f -> predicate(f, definition).test(object));
            case OPERATOR_NOT -> predicate(filter.getFilters(0), definition).negate();
            default -> leaf(filter, definition);
        };
    }

    private static Predicate<StoredObject> leaf(Filters filter, JsonNode definition) {
        String path = filter.getTarget().getProperty();
        if (path.isEmpty()) {
            throw unsupported("a filter without a property");
        }
        boolean isId = path.equals("_id") || path.equals("id");
        String tokenization = isId ? "field" : tokenization(definition, path);
        List<Object> values = values(filter);
        return object -> {
            Object stored = isId ? object.id() : object.properties().get(path);
            return switch (filter.getOperator()) {
                case OPERATOR_EQUAL -> stored != null && matches(stored, values.get(0), tokenization);
                case OPERATOR_NOT_EQUAL -> stored == null || !matches(stored, values.get(0), tokenization);
                case OPERATOR_CONTAINS_ANY ->
                    stored != null && values.stream().anyMatch(v -> matches(stored, v, tokenization));
                case OPERATOR_CONTAINS_NONE ->
                    stored == null || values.stream().noneMatch(v -> matches(stored, v, tokenization));
                case OPERATOR_IS_NULL -> (stored == null) == filter.getValueBoolean();
                case OPERATOR_GREATER_THAN -> stored != null && compare(stored, values.get(0)) > 0;
                case OPERATOR_GREATER_THAN_EQUAL -> stored != null && compare(stored, values.get(0)) >= 0;
                case OPERATOR_LESS_THAN -> stored != null && compare(stored, values.get(0)) < 0;
                case OPERATOR_LESS_THAN_EQUAL -> stored != null && compare(stored, values.get(0)) <= 0;
                default -> throw unsupported("operator " + filter.getOperator());
            };
        };
    }

    private static String tokenization(JsonNode definition, String property) {
        for (JsonNode candidate : definition.path("properties")) {
            if (candidate.get("name").asText().equals(property)) {
                return candidate.path("tokenization").asText("word");
            }
        }
        throw Status.INVALID_ARGUMENT
                .withDescription("no such prop with name '" + property + "' found in class '"
                        + definition.path("class").asText() + "' in the schema")
                .asRuntimeException();
    }

    private static List<Object> values(Filters filter) {
        return switch (filter.getTestValueCase()) {
            case VALUE_TEXT -> List.of(filter.getValueText());
            case VALUE_INT -> List.of((double) filter.getValueInt());
            case VALUE_NUMBER -> List.of(filter.getValueNumber());
            case VALUE_BOOLEAN -> List.of(filter.getValueBoolean());
            case VALUE_TEXT_ARRAY -> new ArrayList<>(filter.getValueTextArray().getValuesList());
            case VALUE_INT_ARRAY ->
                filter.getValueIntArray().getValuesList().stream()
                        .map(v -> (Object) v.doubleValue())
                        .toList();
            case VALUE_NUMBER_ARRAY ->
                new ArrayList<>(filter.getValueNumberArray().getValuesList());
            case VALUE_BOOLEAN_ARRAY ->
                new ArrayList<>(filter.getValueBooleanArray().getValuesList());
            default -> List.of();
        };
    }

    private static boolean matches(Object stored, Object value, String tokenization) {
        if (stored instanceof String text && value instanceof String wanted) {
            Set<String> tokens = tokens(text, tokenization);
            List<String> needed = List.copyOf(tokens(wanted, tokenization));
            return !needed.isEmpty() && tokens.containsAll(needed);
        }
        if (stored instanceof Number number && value instanceof Number wanted) {
            return number.doubleValue() == wanted.doubleValue();
        }
        return stored.equals(value);
    }

    private static Set<String> tokens(String text, String tokenization) {
        return switch (tokenization) {
            case "field" -> Set.of(text.trim());
            case "whitespace" -> split(text, "\\s+");
            case "lowercase" -> split(text.toLowerCase(Locale.ROOT), "\\s+");
            default -> split(text.toLowerCase(Locale.ROOT), "[^\\p{L}\\p{N}]+");
        };
    }

    private static Set<String> split(String text, String separator) {
        return Arrays.stream(text.split(separator))
                .filter(token -> !token.isEmpty())
                .collect(Collectors.toSet());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object stored, Object value) {
        if (stored instanceof Number number && value instanceof Number wanted) {
            return Double.compare(number.doubleValue(), wanted.doubleValue());
        }
        if (stored instanceof Comparable comparable && stored.getClass() == value.getClass()) {
            return comparable.compareTo(value);
        }
        throw unsupported("comparing " + stored + " with " + value);
    }

    private static RuntimeException unsupported(String what) {
        return Status.INVALID_ARGUMENT
                .withDescription("the fake Weaviate does not filter on " + what)
                .asRuntimeException();
    }
}
