/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.util.Arrays;

/** An RGB raster that frames and thumbnails are drawn on: filled rectangles and pixel-font text. */
final class Picture {

    private final int width;
    private final int height;
    /** 0xRRGGBB, row by row. */
    private final int[] pixels;

    Picture(int width, int height, int background) {
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
        Arrays.fill(pixels, background);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The pixel's 0xRRGGBB; outside the picture, the nearest edge pixel's, as encoders pad a frame. */
    int rgb(int x, int y) {
        return pixels[Math.min(y, height - 1) * width + Math.min(x, width - 1)];
    }

    /** Fills the rectangle, clipped to the picture. */
    void fill(int x, int y, int w, int h, int rgb) {
        for (int row = Math.max(0, y); row < Math.min(height, y + h); row++) {
            Arrays.fill(pixels, row * width + Math.max(0, x), row * width + Math.min(width, x + w), rgb);
        }
    }

    /** Draws the text with its top left corner at (x, y), each font pixel a square of {@code scale} pixels. */
    void text(int x, int y, int scale, String text, int rgb) {
        for (int i = 0; i < text.length(); i++) {
            int[] rows = PixelFont.glyph(text.charAt(i));
            int left = x + i * PixelFont.ADVANCE * scale;
            for (int row = 0; rows != null && row < PixelFont.HEIGHT; row++) {
                for (int column = 0; column < PixelFont.WIDTH; column++) {
                    if ((rows[row] >> (PixelFont.WIDTH - 1 - column) & 1) == 1) {
                        fill(left + column * scale, y + row * scale, scale, scale, rgb);
                    }
                }
            }
        }
    }

    /** The width the text takes at the scale. */
    static int textWidth(String text, int scale) {
        return text.isEmpty() ? 0 : (text.length() * PixelFont.ADVANCE - 1) * scale;
    }
}
