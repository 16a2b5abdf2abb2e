/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.core.SegmentSchema;
import io.weaviate.client6.v1.api.collections.Property;
import io.weaviate.client6.v1.api.collections.Tokenization;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The segment's properties in a Weaviate collection, and Weaviate's rules for property names and values. */
final class SegmentProperties {

    /** Weaviate's data types of the segment's fields; the platform docs' three text properties first. */
    static final Map<String, String> TYPES = types();

    private static final Pattern PROPERTY_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,230}");
    private static final Set<String> RESERVED = Set.of("_additional", "_id", "id");

    private SegmentProperties() {}

    private static Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        for (String text : List.of(SegmentSchema.VIDEO_ID, SegmentSchema.START, SegmentSchema.END)) {
            types.put(text, "text");
        }
        types.put(SegmentSchema.START_SECONDS, "number");
        types.put(SegmentSchema.END_SECONDS, "number");
        for (String text : List.of(
                SegmentSchema.EMBEDDING_OPTION,
                SegmentSchema.EMBEDDING_SCOPE,
                SegmentSchema.VIDEO_NAME,
                SegmentSchema.CREATED_AT,
                SegmentSchema.HLS_PLAYLIST_URL,
                SegmentSchema.THUMBNAIL_URL)) {
            types.put(text, "text");
        }
        return Collections.unmodifiableMap(types);
    }

    /**
     * The property definition of a segment field. Identifiers and timecodes are one token each (field tokenization),
     * so that a filter on a video id matches that video only; the video name is split into words for keyword search.
     */
    static Property property(String name) {
        if (TYPES.get(name).equals("number")) {
            return Property.number(name);
        }
        Tokenization tokenization = name.equals(SegmentSchema.VIDEO_NAME) ? Tokenization.WORD : Tokenization.FIELD;
        return Property.text(name, property -> property.tokenization(tokenization));
    }

    /** The data type Weaviate's auto-schema gives a new property holding this value. */
    static String inferredType(Object value) {
        return value instanceof Boolean ? "boolean" : value instanceof Number ? "number" : "text";
    }

    /** Why Weaviate would refuse this property name, or null when it takes it. */
    static String nameProblem(String name) {
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return "'" + name + "' is a reserved property name in Weaviate";
        }
        return PROPERTY_NAME.matcher(name).matches()
                ? null
                : "'" + name + "' is not a Weaviate property name (a letter or _, then letters, digits or _)";
    }

    /**
     * Why Weaviate would refuse this value for a property of this data type, or null when it takes it. A record's
     * value is a string, a number or a boolean (the framework passes lists and maps on as their text), which no array
     * property takes; the types beyond the scalars (objects, geo coordinates, phone numbers, blobs, references) are
     * left to Weaviate, which names the object it refuses.
     */
    static String valueProblem(Object value, String type) {
        boolean fits = switch (type) {
            case "text" -> value instanceof String;
            case "number" -> value instanceof Number;
            case "int" -> value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue());
            case "boolean" -> value instanceof Boolean;
            case "date" -> value instanceof String text && isDate(text);
            case "uuid" -> value instanceof String text && isUuid(text);
            default -> !type.endsWith("[]");
        };
        return fits
                ? null
                : "'" + value + "' (" + value.getClass().getSimpleName() + ") does not fit the collection's " + type
                        + " property";
    }

    private static boolean isDate(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
