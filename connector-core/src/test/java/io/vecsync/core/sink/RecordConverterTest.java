/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.Float32Codec;
import io.vecsync.core.FloatListView;
import io.vecsync.core.SegmentSchema;
import io.vecsync.core.VectorEncoding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class RecordConverterTest {

    private static final String ID = "ea0b39d2-9327-572d-a218-3ea7d3e9586c";

    private static RecordConverter converter(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(Map.of(CommonSinkConfig.EMBEDDING_DIMENSION, "4"));
        props.putAll(overrides);
        return new RecordConverter(new CommonSinkConfig(new ConfigDef(CommonSinkConfig.CONFIG_DEF), props));
    }

    private static SinkRecord record(Object key, Schema schema, Object value) {
        return new SinkRecord("segments", 2, Schema.OPTIONAL_STRING_SCHEMA, key, schema, value, 41);
    }

    private static Struct struct(VectorEncoding encoding, float[] vector) {
        Schema schema = SegmentSchema.value(encoding);
        return new Struct(schema)
                .put("id", ID)
                .put("video_id", "a249266f-052d-4148-bc2f-3efa76dc4269")
                .put("start", "00:00:00")
                .put("end", "00:00:10")
                .put("start_seconds", 0.0)
                .put("end_seconds", 10.0)
                .put(
                        "embedding",
                        encoding == VectorEncoding.FLOAT32_LE ? Float32Codec.encode(vector) : new FloatListView(vector))
                .put("embedding_option", "visual");
    }

    @Test
    void readsStructsInBothEncodings() {
        float[] vector = {0.5f, -0.5f, 0.5f, 0.5f};
        for (VectorEncoding encoding : VectorEncoding.values()) {
            Struct value = struct(encoding, vector);
            SinkOperation operation = converter(Map.of()).convert(record(ID, value.schema(), value));
            assertFalse(operation.isDelete());
            assertEquals(ID, operation.id());
            assertArrayEquals(vector, operation.point().vector());
            assertEquals(
                    List.of("video_id", "start", "end", "start_seconds", "end_seconds", "embedding_option"),
                    new ArrayList<>(operation.point().payload().keySet()),
                    "every field but id and vector, in order, nulls left out");
        }
    }

    @Test
    void readsSchemalessJsonWithWholeNumbersAndBase64() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", ID.toUpperCase(Locale.ROOT));
        value.put("video_id", "v");
        value.put("embedding", List.of(1L, 0, 0.5, -2));
        SinkOperation fromArray = converter(Map.of()).convert(record(null, null, value));
        assertEquals(ID, fromArray.id(), "ids are canonical lowercase");
        assertArrayEquals(new float[] {1f, 0f, 0.5f, -2f}, fromArray.point().vector());

        value.put("embedding", Base64.getEncoder().encodeToString(Float32Codec.encode(new float[] {1, 2, 3, 4})));
        assertArrayEquals(
                new float[] {1, 2, 3, 4},
                converter(Map.of()).convert(record(null, null, value)).point().vector());
    }

    @Test
    void readsJsonTextAsJsonConverterReadsItsObject() {
        String text = "{\"id\":\"" + ID.toUpperCase(Locale.ROOT)
                + "\",\"video_id\":\"a249266f-052d-4148-bc2f-3efa76dc4269\",\"start\":\"00:00:00\","
                + "\"embedding\":\"" + Base64.getEncoder().encodeToString(Float32Codec.encode(new float[] {1, 2, 3, 4}))
                + "\","
                + "\"end_seconds\":10.0,\"frames\":12,\"live\":false,\"note\":\"caf\\u00e9 \\\"x\\\"\","
                + "\"tags\":[\"a\",1,2.5,null],\"meta\":{\"a\":1,\"b\":[true]},\"gone\":null}";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        JsonConverter json = new JsonConverter();
        json.configure(Map.of("schemas.enable", "false"), false);
        SinkOperation expected = converter(Map.of())
                .convert(
                        record(null, null, json.toConnectData("segments", bytes).value()));
        for (Object value : List.of(bytes, text)) {
            SinkOperation operation = converter(Map.of()).convert(record(null, null, value));
            assertEquals(expected.id(), operation.id(), value.getClass().getSimpleName());
            assertArrayEquals(expected.point().vector(), operation.point().vector());
            assertEquals(
                    expected.point().payload(),
                    operation.point().payload(),
                    value.getClass().getSimpleName());
            // JsonConverter's maps lose the order; JSON text keeps it.
            assertEquals(
                    List.of("video_id", "start", "end_seconds", "frames", "live", "note", "tags", "meta"),
                    List.copyOf(operation.point().payload().keySet()));
        }
        assertEquals("caf\u00e9 \"x\"", expected.point().payload().get("note"));
        assertEquals(10.0, expected.point().payload().get("end_seconds"));
        assertEquals(12L, expected.point().payload().get("frames"));
        // Where JsonConverter's long wraps around, JSON text keeps the number.
        assertEquals(
                "123456789012345678901",
                converter(Map.of())
                        .convert(record(ID, null, "{\"embedding\":[1,2,3,4]," + "\"big\":123456789012345678901}"))
                        .point()
                        .payload()
                        .get("big")
                        .toString());
    }

    @Test
    void theKeyIsTheIdWhenTheValueHasNone() {
        Map<String, Object> value = new HashMap<>(Map.of("embedding", List.of(1, 2, 3, 4)));
        assertEquals(ID, converter(Map.of()).convert(record(ID, null, value)).id());
        assertEquals(
                ID,
                converter(Map.of())
                        .convert(record(ID.getBytes(UTF_8), null, value))
                        .id());
    }

    @Test
    void aTombstoneDeletesByKey() {
        SinkOperation operation = converter(Map.of()).convert(record(ID, null, null));
        assertTrue(operation.isDelete());
        assertEquals(ID, operation.id());
    }

    @Test
    void payloadFieldsAndFieldNamesAreConfigurable() {
        Map<String, Object> value =
                new LinkedHashMap<>(Map.of("uuid", ID, "vec", List.of(3, 0, 0, 4), "start", "00:00:01", "x", 1));
        SinkOperation operation = converter(Map.of(
                        CommonSinkConfig.ID_FIELD,
                        "uuid",
                        CommonSinkConfig.VECTOR_FIELD,
                        "vec",
                        CommonSinkConfig.PAYLOAD_FIELDS,
                        "start,missing",
                        CommonSinkConfig.VECTOR_NORMALIZE,
                        "true"))
                .convert(record(null, null, value));
        assertEquals(Map.of("start", "00:00:01"), operation.point().payload());
        assertArrayEquals(new float[] {0.6f, 0, 0, 0.8f}, operation.point().vector(), 1e-6f);
    }

    @Test
    void badRecordsNameTopicPartitionOffsetAndField() {
        assertError(
                Map.of("id", ID, "embedding", List.of(1, 2, 3)),
                "record segments-2@41, field 'embedding': has 3 dimensions, expected 4 (embedding.dimension)");
        assertError(
                Map.of("id", ID, "embedding", List.of(1, 2, Double.NaN, 4)),
                "record segments-2@41, field 'embedding': element 2 is NaN");
        assertError(Map.of("id", ID, "embedding", List.of(1, 2, Double.POSITIVE_INFINITY, 4)), "element 2 is Infinity");
        assertError(Map.of("id", ID, "embedding", List.of(0, 0, 0, 0)), "all zeros");
        assertError(Map.of("id", ID, "embedding", List.of(-0.0, 0, -0.0, 0)), "all zeros");
        assertError(
                Map.of("id", ID, "embedding", List.of(1, Double.NEGATIVE_INFINITY, 3, 4)), "element 1 is -Infinity");
        assertError(
                Map.of("id", "segment-7", "embedding", List.of(1, 2, 3, 4)), "field 'id': 'segment-7' is not a UUID");
        assertError(Map.of("id", ID), "field 'embedding': missing");
        assertError(
                Map.of("id", ID, "embedding", "AAA"),
                "field 'embedding': a float32 vector takes a multiple of 4 bytes");
        assertError(Map.of("id", ID, "embedding", "AAAA-AAAAAAAAAAA"), "field 'embedding': not base64");
        assertError(Map.of("id", ID, "embedding", List.of(1, "two", 3, 4)), "element 1 is not a number");
        DataException noId = assertThrows(
                DataException.class,
                () -> converter(Map.of()).convert(record(null, null, Map.of("embedding", List.of(1, 2, 3, 4)))));
        assertTrue(noId.getMessage().contains("the key is null"), noId.getMessage());
        DataException notJson =
                assertThrows(DataException.class, () -> converter(Map.of()).convert(record(ID, null, "{\"id\":")));
        assertEquals(
                "record segments-2@41, field 'id': the value is not valid JSON: the text ends before an object is closed at character 6",
                notJson.getMessage());
        DataException notAStruct =
                assertThrows(DataException.class, () -> converter(Map.of()).convert(record(ID, null, 42)));
        assertTrue(
                notAStruct
                        .getMessage()
                        .contains("the value is a Integer, expected a struct, a map or a JSON object's text"),
                notAStruct.getMessage());
    }

    @Test
    void jsonTextThatIsNotValidIsRefusedWithASentenceNamingTheField() {
        String head = "{\"id\":\"" + ID + "\",\"embedding\":[1,2,";
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put(
                head + "NaN,4]}",
                "record segments-2@41, field 'embedding': the value is not valid JSON: 'NaN' is not a number JSON"
                        + " allows at byte " + head.length());
        reasons.put(
                head + "3,4",
                "record segments-2@41, field 'embedding': the value is not valid JSON: the text ends before an array"
                        + " is closed at byte " + (head.length() + 3));
        reasons.put(
                head + "3,4],\"start_seconds\":Infinity}",
                "record segments-2@41, field 'start_seconds': the value is not valid"
                        + " JSON: 'Infinity' is not a number JSON allows at byte " + (head.length() + 21));
        reasons.put(
                head + "3,4}",
                "record segments-2@41, field 'embedding': the value is not valid JSON: Unexpected close marker '}':"
                        + " expected ']' at byte " + (head.length() + 3));
        reasons.forEach((json, reason) -> {
            for (Object value : List.of(json.getBytes(StandardCharsets.UTF_8), json)) {
                DataException error = assertThrows(
                        DataException.class, () -> converter(Map.of()).convert(record(ID, null, value)));
                assertEquals(reason, error.getMessage().replace(" at character ", " at byte "));
            }
        });
    }

    private static void assertError(Map<String, Object> value, String expected) {
        DataException error =
                assertThrows(DataException.class, () -> converter(Map.of()).convert(record(null, null, value)));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
