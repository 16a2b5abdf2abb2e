/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import io.qdrant.client.ValueFactory;
import io.qdrant.client.grpc.JsonWithInt.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Point payloads between the sink's Java values (String, Number, Boolean) and Qdrant's JSON-like values. */
final class QdrantPayload {

    private QdrantPayload() {}

    static Map<String, Value> encode(Map<String, Object> payload) {
        Map<String, Value> values = new LinkedHashMap<>();
        payload.forEach((key, value) -> values.put(key, encode(value)));
        return values;
    }

    /** Integral numbers stay integers, so Qdrant's integer filters and indexes apply to them. */
    private static Value encode(Object value) {
        if (value instanceof Boolean bool) {
            return ValueFactory.value(bool);
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ValueFactory.value(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return ValueFactory.value(number.doubleValue());
        }
        return ValueFactory.value(value.toString());
    }

    static Map<String, Object> decode(Map<String, Value> payload) {
        Map<String, Object> values = new LinkedHashMap<>();
        payload.forEach((key, value) -> values.put(key, decode(value)));
        return values;
    }

    private static Object decode(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INTEGER_VALUE -> value.getIntegerValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            case BOOL_VALUE -> value.getBoolValue();
            case LIST_VALUE -> {
                List<Object> list = new ArrayList<>();
                value.getListValue().getValuesList().forEach(element -> list.add(decode(element)));
                yield list;
            }
            case STRUCT_VALUE -> decode(value.getStructValue().getFieldsMap());
            case NULL_VALUE, KIND_NOT_SET -> null;
        };
    }
}
