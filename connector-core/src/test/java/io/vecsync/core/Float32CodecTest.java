package io.vecsync.core;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Float32CodecTest {

    @Test
    void encodesLittleEndianIeee754() {
        // 1.0f is 0x3F800000: little-endian puts 0x00 0x00 0x80 0x3F on the wire.
        assertArrayEquals(new byte[]{0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0}, Float32Codec.encode(new float[]{1f, -2f}));
    }

    @Test
    void roundTripsEveryBitPattern() {
        float[] vector = {0f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f, -123.456f, 1e-30f};
        assertArrayEquals(vector, Float32Codec.decode(Float32Codec.encode(vector)));
        assertEquals(4096, Float32Codec.encode(new float[1024]).length);
    }

    @Test
    void decodesFromABufferWithoutMovingIt() {
        ByteBuffer buffer = ByteBuffer.wrap(Float32Codec.encode(new float[]{3f, 4f}));
        assertArrayEquals(new float[]{3f, 4f}, Float32Codec.decode(buffer));
        assertEquals(0, buffer.position());
    }

    @Test
    void rejectsALengthThatIsNotAMultipleOfFour() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Float32Codec.decode(new byte[7]));
        assertEquals("a float32 vector takes a multiple of 4 bytes, got 7", error.getMessage());
    }

    @Test
    void decodesBase64AsTheJdkDecoderDoesPaddedOrNot() {
        Random random = new Random(7);
        for (int dimension : new int[]{0, 1, 2, 3, 4, 5, 7, 1024, 1536}) {
            float[] vector = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                vector[i] = Float.intBitsToFloat(random.nextInt());
            }
            byte[] bytes = Float32Codec.encode(vector);
            float[] expected = Float32Codec.decode(Base64.getDecoder().decode(Base64.getEncoder().encodeToString(bytes)));
            assertArrayEquals(Float32Codec.encode(expected), Float32Codec.encode(Float32Codec.decodeBase64(Base64.getEncoder().encodeToString(bytes))),
                    dimension + " dimensions, padded");
            assertArrayEquals(Float32Codec.encode(expected),
                    Float32Codec.encode(Float32Codec.decodeBase64(Base64.getEncoder().withoutPadding().encodeToString(bytes))),
                    dimension + " dimensions, unpadded");
        }
    }

    @Test
    void rejectsWhatIsNotBase64NamingTheCharacter() {
        String valid = Base64.getEncoder().encodeToString(Float32Codec.encode(new float[]{1f, 2f, 3f, 4f, 5f}));
        String[] invalid = {valid.substring(0, 8) + "-" + valid.substring(9), valid.substring(0, 21) + "=" + valid.substring(22),
                valid.substring(0, 3) + "\u00e9" + valid.substring(4), valid.substring(0, 24) + " " + valid.substring(25)};
        int[] positions = {8, 21, 3, 24};
        for (int i = 0; i < invalid.length; i++) {
            String text = invalid[i];
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Float32Codec.decodeBase64(text));
            assertEquals("not base64: character " + positions[i] + " is '" + text.charAt(positions[i]) + "'", error.getMessage());
        }
        assertEquals("not base64: 5 characters cannot end a group of 4",
                assertThrows(IllegalArgumentException.class, () -> Float32Codec.decodeBase64("AAAAA")).getMessage());
        assertEquals("a float32 vector takes a multiple of 4 bytes, got 3",
                assertThrows(IllegalArgumentException.class, () -> Float32Codec.decodeBase64("AAAA")).getMessage());
    }
}
