/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant.fake;

import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.Map;

/**
 * A point as the fake holds it.
 *
 * @param id      the canonical id: a lowercase hyphenated UUID, or a number
 * @param vectors by vector name; {@link #DEFAULT_VECTOR} for the unnamed one. Cosine vectors are stored normalised,
 *                as Qdrant stores them
 * @param version the operation that last wrote the point
 */
public record FakePoint(String id, Map<String, float[]> vectors, Map<String, Value> payload, long version) {

    /** Qdrant's name of the unnamed vector. */
    public static final String DEFAULT_VECTOR = "";

    /** The unnamed vector, or null. */
    public float[] vector() {
        return vectors.get(DEFAULT_VECTOR);
    }

    /** A payload value as text: strings as they are, numbers and booleans printed; null when absent. */
    public String payloadText(String key) {
        Value value = payload.get(key);
        if (value == null) {
            return null;
        }
        return switch (value.getKindCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INTEGER_VALUE -> Long.toString(value.getIntegerValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            default -> value.toString();
        };
    }
}
