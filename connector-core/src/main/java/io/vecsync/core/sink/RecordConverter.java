/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import io.vecsync.core.Float32Base64Decoder;
import io.vecsync.core.Float32Codec;
import io.vecsync.core.FloatListView;
import io.vecsync.core.SegmentIds;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns a sink record into an upsert or a delete. Reads Struct values (with a schema), Map values (schemaless JSON)
 * and JSON text (ByteArrayConverter, StringConverter) alike, and rejects what a store must not receive, naming the
 * record and the field.
 */
public final class RecordConverter {

    /** A float's exponent bits: all set for NaN and the infinities alone. */
    private static final int EXPONENT_BITS = 0x7f80_0000;

    private static final int SIGN_BIT = 0x8000_0000;

    private final int dimension;
    private final String idField;
    private final String vectorField;
    private final List<String> payloadFields;
    private final boolean normalize;
    private final Float32Base64Decoder base64 = new Float32Base64Decoder();
    private final JsonValueReader jsonText;

    public RecordConverter(CommonSinkConfig config) {
        this.dimension = config.dimension();
        this.idField = config.getString(CommonSinkConfig.ID_FIELD);
        this.vectorField = config.getString(CommonSinkConfig.VECTOR_FIELD);
        this.payloadFields = config.getList(CommonSinkConfig.PAYLOAD_FIELDS);
        this.normalize = config.getBoolean(CommonSinkConfig.VECTOR_NORMALIZE);
        this.jsonText = new JsonValueReader(vectorField, dimension, base64);
    }

    /**
     * The store operation the record asks for.
     *
     * @throws DataException naming topic, partition, offset and field when the record cannot be written
     */
    public SinkOperation convert(SinkRecord record) {
        if (record.value() == null) {
            return new SinkOperation(record, id(record, null), null);
        }
        Map<String, Object> fields = fields(record);
        String id = id(record, fields.get(idField));
        float[] vector = vector(record, fields.get(vectorField));
        Map<String, Object> payload = new LinkedHashMap<>();
        if (payloadFields.isEmpty()) {
            fields.forEach((name, value) -> {
                if (!name.equals(vectorField) && !name.equals(idField) && value != null) {
                    payload.put(name, payloadValue(value));
                }
            });
        } else {
            for (String name : payloadFields) {
                Object value = fields.get(name);
                if (value != null) {
                    payload.put(name, payloadValue(value));
                }
            }
        }
        return new SinkOperation(record, id, new VectorPoint(id, vector, payload));
    }

    private Map<String, Object> fields(SinkRecord record) {
        Object value = record.value();
        try {
            if (value instanceof byte[] bytes) {
                return jsonText.read(bytes);
            }
            if (value instanceof String text) {
                return jsonText.read(text);
            }
        } catch (JsonValueReader.InvalidJson notJson) {
            throw error(record, notJson.field(), notJson.getMessage());
        }
        if (value instanceof Struct struct) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                fields.put(field.name(), struct.get(field));
            }
            return fields;
        }
        if (value instanceof Map<?, ?> map) {
            return stringKeys(map);
        }
        throw error(
                record,
                null,
                "the value is a " + value.getClass().getSimpleName()
                        + ", expected a struct, a map or a JSON object's text");
    }

    /** The map itself when its keys are all strings, as JsonConverter's are; else a copy keyed by their text. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        for (Object name : map.keySet()) {
            if (!(name instanceof String)) {
                Map<String, Object> fields = new LinkedHashMap<>();
                map.forEach((key, field) -> fields.put(String.valueOf(key), field));
                return fields;
            }
        }
        return (Map<String, Object>) map;
    }

    private String id(SinkRecord record, Object fromValue) {
        Object raw = fromValue != null ? fromValue : record.key();
        String field = fromValue != null ? idField : "key";
        if (raw instanceof byte[] bytes) {
            raw = new String(bytes, StandardCharsets.UTF_8);
        }
        if (raw == null) {
            throw error(record, field, "no id: the value has no '" + idField + "' and the key is null");
        }
        String text = raw.toString().trim();
        if (!SegmentIds.isUuid(text)) {
            throw error(record, field, "'" + abbreviate(text) + "' is not a UUID");
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private float[] vector(SinkRecord record, Object raw) {
        float[] vector;
        if (raw == null) {
            throw error(record, vectorField, "missing");
        } else if (raw instanceof float[] decoded) {
            vector = decoded; // JsonValueReader's, new for this record: normalized in place below
        } else if (raw instanceof FloatListView view) {
            vector = view.array().clone();
        } else if (raw instanceof List<?> list) {
            vector = new float[list.size()];
            for (int i = 0; i < vector.length; i++) {
                if (!(list.get(i) instanceof Number number)) {
                    throw error(record, vectorField, "element " + i + " is not a number");
                }
                vector[i] = number.floatValue();
            }
        } else if (raw instanceof byte[] || raw instanceof ByteBuffer || raw instanceof String) {
            vector = decodeBytes(record, raw);
        } else {
            throw error(
                    record,
                    vectorField,
                    "is a " + raw.getClass().getSimpleName() + ", expected an array of numbers or float32 bytes");
        }
        if (vector.length != dimension) {
            throw error(
                    record,
                    vectorField,
                    "has " + vector.length + " dimensions, expected " + dimension + " ("
                            + CommonSinkConfig.EMBEDDING_DIMENSION + ")");
        }
        // Integer tests on the bits: no floating-point chain from one element to the next, so the loop runs at load
        // speed.
        int magnitudes = 0;
        for (int i = 0; i < vector.length; i++) {
            int bits = Float.floatToRawIntBits(vector[i]);
            if ((bits & EXPONENT_BITS) == EXPONENT_BITS) {
                throw error(record, vectorField, "element " + i + " is " + vector[i]);
            }
            magnitudes |= bits & ~SIGN_BIT;
        }
        if (magnitudes == 0) {
            throw error(record, vectorField, "is all zeros, which has no cosine similarity");
        }
        if (normalize) {
            double squares = 0;
            for (float value : vector) {
                squares += (double) value * value;
            }
            float scale = (float) (1 / Math.sqrt(squares));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }

    private float[] decodeBytes(SinkRecord record, Object raw) {
        try {
            if (raw instanceof String text) {
                return base64.decode(text);
            }
            return raw instanceof ByteBuffer buffer ? Float32Codec.decode(buffer) : Float32Codec.decode((byte[]) raw);
        } catch (IllegalArgumentException e) {
            throw error(record, vectorField, e.getMessage());
        }
    }

    private static Object payloadValue(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }

    private static DataException error(SinkRecord record, String field, String problem) {
        return new DataException("record " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset()
                + (field == null ? "" : ", field '" + field + "'") + ": " + problem);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
