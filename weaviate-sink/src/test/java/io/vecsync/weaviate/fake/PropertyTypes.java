/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate.fake;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Weaviate's check of a property value against its data type, with its messages (usecases/objects/validation). */
final class PropertyTypes {

    private PropertyTypes() {}

    /** The type as Weaviate's messages name it: "integer", "text array"... */
    static String describe(String type) {
        boolean array = type.endsWith("[]");
        String element = array ? type.substring(0, type.length() - 2) : type;
        return (element.equals("int") ? "integer" : element) + (array ? " array" : "");
    }

    /** Why Weaviate refuses the value for this type, or null when it takes it; types not modelled here take anything. */
    static String problem(String type, Object value) {
        if (type.endsWith("[]")) {
            String element = type.substring(0, type.length() - 2);
            if (!(value instanceof List<?> list)) {
                return "not a " + describe(element) + " array, but " + goType(value);
            }
            return list.stream()
                    .map(item -> problem(element, item))
                    .filter(problem -> problem != null)
                    .findFirst()
                    .orElse(null);
        }
        return switch (type) {
            case "text" -> value instanceof String ? null : "not a string, but " + goType(value);
            case "number" -> value instanceof Number ? null : "requires a float, the given value is '" + value + "'";
            case "int" ->
                value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                        ? null
                        : "requires an integer, the given value is '" + value + "'";
            case "boolean" -> value instanceof Boolean ? null : "not a bool, but " + goType(value);
            case "date" ->
                isDate(value)
                        ? null
                        : "requires a string with a RFC3339 formatted date, but the given value is '" + value + "'";
            case "uuid" ->
                isUuid(value) ? null : "requires a string of UUID format, but the given value is '" + value + "'";
            case "geoCoordinates", "phoneNumber" ->
                value instanceof Map<?, ?> ? null : type + " must be a map, but got: " + goType(value);
            case "blob" ->
                !(value instanceof String text)
                        ? "not a blob base64 string, but " + goType(value)
                        : isBase64(text) ? null : "not a valid blob base64 string";
            default -> null;
        };
    }

    /** The Go type Weaviate's messages name for a JSON value. */
    private static String goType(Object value) {
        return value instanceof String
                ? "string"
                : value instanceof Number
                        ? "float64"
                        : value instanceof Boolean
                                ? "bool"
                                : value instanceof List<?> ? "[]interface {}" : "map[string]interface {}";
    }

    private static boolean isDate(Object value) {
        try {
            return value instanceof String text && OffsetDateTime.parse(text) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isUuid(Object value) {
        try {
            return value instanceof String text && UUID.fromString(text) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
