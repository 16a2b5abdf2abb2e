package io.vecsync.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** The compact vector encoding: little-endian IEEE 754 float32, 4 bytes a dimension, no header. */
public final class Float32Codec {

    /** Each base64 character's 6 bits (RFC 4648's basic alphabet), -1 for any other character below 256. */
    private static final int[] BASE64_VALUES = new int[256];

    static {
        Arrays.fill(BASE64_VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64_VALUES[alphabet.charAt(i)] = i;
        }
    }

    private Float32Codec() {
    }

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
            throw new IllegalArgumentException("a float32 vector takes a multiple of 4 bytes, got " + bytes.remaining());
        }
        float[] vector = new float[bytes.remaining() / Float.BYTES];
        bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /**
     * The vector from the base64 text of its bytes (RFC 4648's basic alphabet, padded or not), as Connect's
     * JsonConverter writes bytes. Decodes straight into the floats, 16 characters (3 floats) at a time: no byte array
     * in between, which on the sink's hot path halves what a record's vector costs to decode.
     *
     * @throws IllegalArgumentException when the text is not base64, or its bytes are not a multiple of 4
     */
    public static float[] decodeBase64(String text) {
        int length = text.length();
        if (length % 4 == 0) {
            // Up to two '=' pad the last group; anywhere else '=' is an illegal character.
            for (int pads = 0; pads < 2 && length > 0 && text.charAt(length - 1) == '='; pads++) {
                length--;
            }
        }
        if (length % 4 == 1) {
            throw new IllegalArgumentException("not base64: " + text.length() + " characters cannot end a group of 4");
        }
        int bytes = length / 4 * 3 + Math.max(0, length % 4 - 1);
        if (bytes % Float.BYTES != 0) {
            throw new IllegalArgumentException("a float32 vector takes a multiple of 4 bytes, got " + bytes);
        }
        float[] vector = new float[bytes / Float.BYTES];
        int at = 0;
        int out = 0;
        for (; length - at >= 16; at += 16) {
            int a = group(text, at);
            int b = group(text, at + 4);
            int c = group(text, at + 8);
            int d = group(text, at + 12);
            // 12 bytes, a's three first: the floats are little-endian, so a byte's place in its float grows with its index.
            vector[out++] = Float.intBitsToFloat((a >>> 16) | (a >>> 8 & 0xff) << 8 | (a & 0xff) << 16 | (b >>> 16) << 24);
            vector[out++] = Float.intBitsToFloat((b >>> 8 & 0xff) | (b & 0xff) << 8 | (c >>> 16) << 16 | (c >>> 8 & 0xff) << 24);
            vector[out++] = Float.intBitsToFloat((c & 0xff) | (d >>> 16) << 8 | (d >>> 8 & 0xff) << 16 | (d & 0xff) << 24);
        }
        // The last under 16 characters, a byte at a time.
        int word = 0;
        int held = 0;
        int bits = 0;
        int pending = 0;
        for (; at < length; at++) {
            int value = value(text.charAt(at));
            if (value < 0) {
                throw illegal(text, at);
            }
            bits = bits << 6 | value;
            pending += 6;
            if (pending >= 8) {
                pending -= 8;
                word |= (bits >>> pending & 0xff) << (8 * held);
                if (++held == Float.BYTES) {
                    vector[out++] = Float.intBitsToFloat(word);
                    word = 0;
                    held = 0;
                }
            }
        }
        return vector;
    }

    /** Four characters' 24 bits. */
    private static int group(String text, int at) {
        int v0 = value(text.charAt(at));
        int v1 = value(text.charAt(at + 1));
        int v2 = value(text.charAt(at + 2));
        int v3 = value(text.charAt(at + 3));
        if ((v0 | v1 | v2 | v3) < 0) {
            throw illegal(text, at);
        }
        return v0 << 18 | v1 << 12 | v2 << 6 | v3;
    }

    /** A character's 6 bits, -1 when it is not in the alphabet. */
    private static int value(char c) {
        return c > 0xff ? -1 : BASE64_VALUES[c];
    }

    /** Names the first character from {@code at} on that is not in the alphabet. */
    private static IllegalArgumentException illegal(String text, int at) {
        int bad = at;
        while (value(text.charAt(bad)) >= 0) {
            bad++;
        }
        return new IllegalArgumentException("not base64: character " + bad + " is '" + text.charAt(bad) + "'");
    }
}
