/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The compact vector encoding: little-endian IEEE 754 float32, 4 bytes a dimension, no header. */
public final class Float32Codec {

    private Float32Codec() {}

    /** 4 x {@code vector.length} bytes. */
    public static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    /**
     * The vector back from its bytes.
     *
     * @throws IllegalArgumentException when the length is not a multiple of 4
     */
    public static float[] decode(byte[] bytes) {
        return decode(ByteBuffer.wrap(bytes));
    }

    /** Decodes the remaining bytes of the buffer without moving its position. */
    public static float[] decode(ByteBuffer bytes) {
        if (bytes.remaining() % Float.BYTES != 0) {
            throw new IllegalArgumentException(
                    "a float32 vector takes a multiple of 4 bytes, got " + bytes.remaining());
        }
        float[] vector = new float[bytes.remaining() / Float.BYTES];
        bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
