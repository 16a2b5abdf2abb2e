/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A point's payload as Pinecone metadata: a flat object of strings, numbers and booleans, the only scalar types
 * Pinecone accepts. Numbers travel as doubles, as in every Pinecone client.
 */
final class PineconeMetadata {

    /** Pinecone's limit on the metadata of one vector. */
    static final int MAX_BYTES = 40 * 1024;

    private PineconeMetadata() {}

    static Struct toStruct(Map<String, Object> payload) {
        Struct.Builder struct = Struct.newBuilder();
        payload.forEach((name, value) -> struct.putFields(name, toValue(value)));
        return struct.build();
    }

    private static Value toValue(Object value) {
        if (value instanceof Boolean bool) {
            return Value.newBuilder().setBoolValue(bool).build();
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return Value.newBuilder().setNumberValue(number.doubleValue()).build();
        }
        return Value.newBuilder().setStringValue(String.valueOf(value)).build();
    }

    /** The scalar fields of Pinecone metadata; lists and nested values, which this sink never writes, are left out. */
    static Map<String, Object> fromStruct(Struct metadata) {
        Map<String, Object> payload = new LinkedHashMap<>();
        metadata.getFieldsMap().forEach((name, value) -> {
            switch (value.getKindCase()) {
                case STRING_VALUE -> payload.put(name, value.getStringValue());
                case NUMBER_VALUE -> payload.put(name, value.getNumberValue());
                case BOOL_VALUE -> payload.put(name, value.getBoolValue());
                default -> {}
            }
        });
        return payload;
    }

    /** The payload's size as Pinecone counts it against {@link #MAX_BYTES}: its JSON text, without whitespace. */
    static int jsonBytes(Map<String, Object> payload) {
        int bytes = 2;
        for (Map.Entry<String, Object> field : payload.entrySet()) {
            bytes += utf8Length(field.getKey()) + 4;
            Object value = field.getValue();
            bytes += value instanceof Number || value instanceof Boolean
                    ? String.valueOf(value).length()
                    : utf8Length(String.valueOf(value)) + 2;
        }
        return bytes;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
