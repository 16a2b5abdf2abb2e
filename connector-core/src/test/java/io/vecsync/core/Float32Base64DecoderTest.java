/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Float32Base64DecoderTest {

    @Test
    void decodesBase64PaddedOrNotBitForBit() {
        Random random = new Random(7);
        for (int dimension : new int[] {0, 1, 2, 3, 4, 5, 7, 1024, 1536}) {
            float[] vector = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                vector[i] = Float.intBitsToFloat(random.nextInt());
            }
            byte[] bytes = Float32Codec.encode(vector);
            assertArrayEquals(
                    bytes,
                    Float32Codec.encode(new Float32Base64Decoder()
                            .decode(Base64.getEncoder().encodeToString(bytes))),
                    dimension + " dimensions, padded");
            assertArrayEquals(
                    bytes,
                    Float32Codec.encode(new Float32Base64Decoder()
                            .decode(Base64.getEncoder().withoutPadding().encodeToString(bytes))),
                    dimension + " dimensions, unpadded");
        }
    }

    @Test
    void rejectsWhatIsNotBase64() {
        String valid = Base64.getEncoder().encodeToString(Float32Codec.encode(new float[] {1f, 2f, 3f, 4f, 5f}));
        String[] invalid = {
            valid.substring(0, 8) + "-" + valid.substring(9),
            valid.substring(0, 21) + "=" + valid.substring(22),
            valid.substring(0, 3) + "\u00e9" + valid.substring(4),
            valid.substring(0, 24) + " " + valid.substring(25),
            "AAAAA",
            // Its low byte is 'A': a decoder that kept only the low bytes would take it.
            valid.substring(0, 5) + "\u0141" + valid.substring(6)
        };
        for (String text : invalid) {
            IllegalArgumentException error =
                    assertThrows(IllegalArgumentException.class, () -> new Float32Base64Decoder().decode(text), text);
            assertTrue(error.getMessage().startsWith("not base64: "), error.getMessage());
        }
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> new Float32Base64Decoder().decode(invalid[0]))
                        .getMessage()
                        .contains("2d"),
                "names the character '-' (0x2d)");
        assertEquals(
                "a float32 vector takes a multiple of 4 bytes, got 3",
                assertThrows(IllegalArgumentException.class, () -> new Float32Base64Decoder().decode("AAAA"))
                        .getMessage());
    }

    @Test
    void oneDecoderDecodesLongerAndShorterVectorsOneAfterAnother() {
        Float32Base64Decoder decoder = new Float32Base64Decoder();
        for (int dimension : new int[] {4, 1024, 3, 1536, 1, 1024}) {
            float[] vector = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                vector[i] = dimension * 10 + i;
            }
            assertArrayEquals(
                    vector,
                    decoder.decode(Base64.getEncoder().encodeToString(Float32Codec.encode(vector))),
                    dimension + " dimensions");
        }
    }

    @Test
    void decodesTextInsideALargerArrayWhateverItsLength() {
        Float32Base64Decoder decoder = new Float32Base64Decoder();
        for (int dimension : new int[] {1024, 1024, 3, 1536}) {
            float[] vector = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                vector[i] = i - dimension / 2f;
            }
            String text = Base64.getEncoder().encodeToString(Float32Codec.encode(vector));
            byte[] document = ("{\"embedding\":\"" + text + "\"}").getBytes(StandardCharsets.US_ASCII);
            assertArrayEquals(vector, decoder.decode(document, 14, text.length()), dimension + " dimensions");
            // One byte more takes in the closing quote.
            assertThrows(IllegalArgumentException.class, () -> decoder.decode(document, 14, text.length() + 1));
        }
        byte[] escaped = "AAAA\\/AAA".getBytes(StandardCharsets.US_ASCII);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> decoder.decode(escaped, 0, escaped.length))
                .getMessage()
                .startsWith("not base64: "));
    }
}
