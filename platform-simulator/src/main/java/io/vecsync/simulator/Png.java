/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/** Encodes a picture as a PNG image: 8-bit RGB, unfiltered rows, one deflated IDAT chunk. */
final class Png {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int RGB_COLOUR_TYPE = 2;

    private Png() {}

    static byte[] encode(Picture picture) {
        try {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream ihdr = new DataOutputStream(header);
            ihdr.writeInt(picture.width());
            ihdr.writeInt(picture.height());
            ihdr.write(new byte[] {8, RGB_COLOUR_TYPE, 0, 0, 0});

            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (DeflaterOutputStream rows = new DeflaterOutputStream(compressed)) {
                byte[] row = new byte[1 + 3 * picture.width()];
                for (int y = 0; y < picture.height(); y++) {
                    for (int x = 0; x < picture.width(); x++) {
                        int rgb = picture.rgb(x, y);
                        row[1 + 3 * x] = (byte) (rgb >> 16);
                        row[2 + 3 * x] = (byte) (rgb >> 8);
                        row[3 + 3 * x] = (byte) rgb;
                    }
                    rows.write(row);
                }
            }

            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(SIGNATURE);
            chunk(png, "IHDR", header.toByteArray());
            chunk(png, "IDAT", compressed.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
