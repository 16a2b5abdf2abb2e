/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BinaryCopyBufferTest {

    private static final UUID ID = UUID.fromString("0b6c5a8e-6f1d-5d0e-9a55-3c8f3c1e2b7a");

    @Test
    void aRestartedBufferHoldsWhatAFreshOneHolds() {
        BinaryCopyBuffer reused = new BinaryCopyBuffer(64);
        // Rows enough to make it grow, then a new COPY's data.
        for (int i = 0; i < 8; i++) {
            write(reused);
        }
        reused.restart();
        write(reused);
        reused.finish();

        BinaryCopyBuffer fresh = new BinaryCopyBuffer(64);
        write(fresh);
        fresh.finish();

        assertArrayEquals(bytes(fresh), bytes(reused));
    }

    @Test
    void startsWithTheFormatsHeaderAndEndsWithItsTrailer() {
        BinaryCopyBuffer buffer = new BinaryCopyBuffer(64);
        buffer.finish();
        byte[] expected = {
            'P',
            'G',
            'C',
            'O',
            'P',
            'Y',
            '\n',
            (byte) 0xFF,
            '\r',
            '\n',
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            (byte) 0xFF,
            (byte) 0xFF
        };
        assertArrayEquals(expected, bytes(buffer));
        assertEquals(expected.length, buffer.length());
    }

    private static void write(BinaryCopyBuffer buffer) {
        buffer.row(4)
                .uuid(ID)
                .text("00:00:06")
                .vector(new float[] {1f, 0.5f, -2f})
                .jsonb("{\"scope\":\"clip\"}");
    }

    private static byte[] bytes(BinaryCopyBuffer buffer) {
        return Arrays.copyOf(buffer.array(), buffer.length());
    }
}
