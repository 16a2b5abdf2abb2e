/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class Float32CodecTest {

    @Test
    void encodesLittleEndianIeee754() {
        // 1.0f is 0x3F800000: little-endian puts 0x00 0x00 0x80 0x3F on the wire.
        assertArrayEquals(
                new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0}, Float32Codec.encode(new float[] {1f, -2f}));
    }

    @Test
    void roundTripsEveryBitPattern() {
        float[] vector = {0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f, -123.456f, 1e-30f};
        assertArrayEquals(vector, Float32Codec.decode(Float32Codec.encode(vector)));
        assertEquals(4096, Float32Codec.encode(new float[1024]).length);
    }

    @Test
    void decodesFromABufferWithoutMovingIt() {
        ByteBuffer buffer = ByteBuffer.wrap(Float32Codec.encode(new float[] {3f, 4f}));
        assertArrayEquals(new float[] {3f, 4f}, Float32Codec.decode(buffer));
        assertEquals(0, buffer.position());
    }

    @Test
    void rejectsALengthThatIsNotAMultipleOfFour() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Float32Codec.decode(new byte[7]));
        assertEquals("a float32 vector takes a multiple of 4 bytes, got 7", error.getMessage());
    }
}
