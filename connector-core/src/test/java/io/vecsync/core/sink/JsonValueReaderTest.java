/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.Float32Base64Decoder;
import io.vecsync.core.Float32Codec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueReaderTest {

    /** Its base64 holds a '/', which JSON writers may escape. */
    private static final float[] VECTOR = {-1.9999999f, 0.75f, 3f, -0.125f};

    private static final String TEXT = Base64.getEncoder().encodeToString(Float32Codec.encode(VECTOR));

    private static Map<String, Object> read(String json) {
        return new JsonValueReader("embedding", VECTOR.length, new Float32Base64Decoder())
                .read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String document(String embedding) {
        return "{\"id\":\"x\",\"embedding\":" + embedding + ",\"after\":[1,{\"k\":null}],\"n\":7}";
    }

    @Test
    void decodesTheVectorFromTheBytesAndReadsTheFieldsAfterIt() {
        assertTrue(TEXT.contains("/"), TEXT);
        Map<String, Object> fields = read(document("\"" + TEXT + "\""));
        assertArrayEquals(VECTOR, assertInstanceOf(float[].class, fields.get("embedding")));
        assertEquals(List.of("id", "embedding", "after", "n"), List.copyOf(fields.keySet()));
        assertEquals(List.of(1L, Collections.singletonMap("k", null)), fields.get("after"));
        assertEquals(7L, fields.get("n"));
    }

    @Test
    void readsTheFieldsAfterADecodedVectorWhereverItStands() {
        String vector = "\"" + TEXT + "\"";
        Map<String, Object> spaced = read("{ \"embedding\" : " + vector + " \n,\t\"n\" : 7 , \"s\":\"a,}\" }");
        assertArrayEquals(VECTOR, assertInstanceOf(float[].class, spaced.get("embedding")));
        assertEquals(Map.of("n", 7L, "s", "a,}"), Map.of("n", spaced.get("n"), "s", spaced.get("s")));
        Map<String, Object> last = read("{\"id\":\"x\",\"embedding\":" + vector + "}");
        assertEquals(List.of("id", "embedding"), List.copyOf(last.keySet()));
        assertArrayEquals(VECTOR, assertInstanceOf(float[].class, last.get("embedding")));
        // A repeated field: the last one counts, as with JSON's own reading.
        String other = Base64.getEncoder().encodeToString(Float32Codec.encode(new float[] {1, 2, 3, 4}));
        assertArrayEquals(new float[] {1, 2, 3, 4}, (float[])
                read("{\"embedding\":" + vector + ",\"embedding\":\"" + other + "\"}")
                        .get("embedding"));
    }

    @Test
    void errorsAfterADecodedVectorNameTheirPlaceInTheWholeValue() {
        String head = "{\"embedding\":\"" + TEXT + "\",\"id\":1}";
        assertMessage(head + " {}", "the value has JSON '{' after its object, at byte " + (head.length() + 1));
        assertMessage("{\"embedding\":\"" + TEXT + "\",}", "the value is not valid JSON");
        assertMessage("{\"embedding\":\"" + TEXT + "\" \"id\":1}", "the value is not valid JSON");
        String beforeToken = "{\"embedding\":\"" + TEXT + "\",\"id\":";
        JsonValueReader.InvalidJson error =
                assertThrows(JsonValueReader.InvalidJson.class, () -> read(beforeToken + "tru}"));
        assertEquals(
                "the value is not valid JSON: Unrecognized token 'tru' at byte " + beforeToken.length(),
                error.getMessage());
        assertEquals("id", error.field(), "the field after the vector whose value is not JSON");
    }

    @Test
    void aTextItCannotDecodeInPlaceIsReadAsAString() {
        String escaped = TEXT.replace("/", "\\/");
        String unpadded = TEXT.replace("=", "");
        String otherDimension = Base64.getEncoder().encodeToString(Float32Codec.encode(new float[] {1, 2, 3}));
        String notBase64 = "-" + TEXT.substring(1);
        assertEquals(TEXT.length(), notBase64.length());
        for (String text : List.of(escaped, unpadded, otherDimension, notBase64)) {
            Object embedding = read(document("\"" + text + "\"")).get("embedding");
            assertEquals(text.replace("\\/", "/"), embedding, "JSON's own reading of " + text);
        }
        // A shorter text followed by a quote exactly where the configured length ends: never decoded across it.
        String shorter = TEXT.substring(0, 8);
        String trap = "{\"embedding\":\"" + shorter + "\",\"p\":\"" + "A".repeat(TEXT.length() - shorter.length() - 7)
                + "\"}";
        assertEquals(shorter, read(trap).get("embedding"));
        assertEquals(List.of(1L, 2L), read(document("[1,2]")).get("embedding"));
    }

    @Test
    void readsTextsFieldsAsItsBytesButTheVectorAsAString() {
        String json = document("\"" + TEXT + "\"");
        Map<String, Object> fromText =
                new JsonValueReader("embedding", VECTOR.length, new Float32Base64Decoder()).read(json);
        assertEquals(TEXT, fromText.get("embedding"));
        assertEquals(List.of("id", "embedding", "after", "n"), List.copyOf(fromText.keySet()));
    }

    @Test
    void rejectsWhatIsNotOneJsonObject() {
        assertMessage("[1,2]", "the value is JSON array, expected a JSON object");
        assertMessage("", "the value is empty, expected a JSON object");
        assertMessage("\"text\"", "the value is JSON string, expected a JSON object");
        assertMessage("{\"id\":1} {}", "the value has JSON '{' after its object, at byte 9");
        assertMessage("{\"id\":", "the value is not valid JSON: the text ends before an object is closed");
        assertMessage("{\"id\":tru}", "the value is not valid JSON: Unrecognized token 'tru'");
    }

    @Test
    void namesTheFieldWhoseValueIsNotJsonAndNoFieldForFaultsBetweenFields() {
        assertField("{\"id\":\"x\",\"after\":[1,{\"k\":nul}]}", "after");
        assertField("{\"id\":\"x\",\"n\":01}", "n");
        assertField("{\"id\":\"x\",}", null);
        assertField("{\"id\":1 \"n\":2}", null);
        assertField("{\"id\":\"x\"", null);
    }

    private static void assertField(String json, String field) {
        assertEquals(
                field,
                assertThrows(JsonValueReader.InvalidJson.class, () -> read(json))
                        .field(),
                json);
    }

    private static void assertMessage(String json, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> read(json));
        assertTrue(error.getMessage().startsWith(expected), error.getMessage());
    }
}
