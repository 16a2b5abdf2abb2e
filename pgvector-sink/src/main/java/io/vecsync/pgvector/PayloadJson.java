/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The jsonb payload column: the payload's fields that have no column of their own. */
final class PayloadJson {

    private static final JsonFactory JSON = new JsonFactory();

    private PayloadJson() {}

    /** The payload as a JSON object, without the fields named in {@code columns}. */
    static String encode(Map<String, Object> payload, Set<String> columns) {
        StringWriter text = new StringWriter(64 + payload.size() * 24);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            for (Map.Entry<String, Object> field : payload.entrySet()) {
                if (!columns.contains(field.getKey())) {
                    json.writeFieldName(field.getKey());
                    write(json, field.getValue());
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Lists and maps (from schemaless records, or Connect arrays and structs read as such) stay JSON arrays and objects. */
    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            json.writeNumber(number.toString());
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                write(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                write(json, element);
            }
            json.writeEndArray();
        } else {
            json.writeString(String.valueOf(value));
        }
    }

    /** The scalar fields of a payload; null or nested values are left out. */
    static Map<String, Object> decode(String text) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (text == null) {
            return payload;
        }
        try (JsonParser json = JSON.createParser(text)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return payload;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                switch (value) {
                    case VALUE_STRING -> payload.put(name, json.getText());
                    case VALUE_NUMBER_INT -> payload.put(name, json.getLongValue());
                    case VALUE_NUMBER_FLOAT -> payload.put(name, json.getDoubleValue());
                    case VALUE_TRUE, VALUE_FALSE -> payload.put(name, json.getBooleanValue());
                    default -> json.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("payload is not JSON: " + text, e);
        }
        return payload;
    }
}
