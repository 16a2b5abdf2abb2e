/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A 5x7 pixel font of capitals, digits and a little punctuation, for the text drawn into generated frames. */
final class PixelFont {

    static final int WIDTH = 5;
    static final int HEIGHT = 7;
    /** A glyph and the gap after it. */
    static final int ADVANCE = WIDTH + 1;

    /** Each glyph: its character, then its rows top to bottom, the leftmost pixel in bit 4. */
    private static final List<String> GLYPHS = List.of(
            "A 0E 11 11 11 1F 11 11",
            "B 1E 11 11 1E 11 11 1E",
            "C 0E 11 10 10 10 11 0E",
            "D 1C 12 11 11 11 12 1C",
            "E 1F 10 10 1E 10 10 1F",
            "F 1F 10 10 1E 10 10 10",
            "G 0E 11 10 17 11 11 0F",
            "H 11 11 11 1F 11 11 11",
            "I 0E 04 04 04 04 04 0E",
            "J 07 02 02 02 02 12 0C",
            "K 11 12 14 18 14 12 11",
            "L 10 10 10 10 10 10 1F",
            "M 11 1B 15 15 11 11 11",
            "N 11 11 19 15 13 11 11",
            "O 0E 11 11 11 11 11 0E",
            "P 1E 11 11 1E 10 10 10",
            "Q 0E 11 11 11 15 12 0D",
            "R 1E 11 11 1E 14 12 11",
            "S 0F 10 10 0E 01 01 1E",
            "T 1F 04 04 04 04 04 04",
            "U 11 11 11 11 11 11 0E",
            "V 11 11 11 11 11 0A 04",
            "W 11 11 11 15 15 15 0A",
            "X 11 11 0A 04 0A 11 11",
            "Y 11 11 11 0A 04 04 04",
            "Z 1F 01 02 04 08 10 1F",
            "0 0E 11 13 15 19 11 0E",
            "1 04 0C 04 04 04 04 0E",
            "2 0E 11 01 02 04 08 1F",
            "3 1F 02 04 02 01 11 0E",
            "4 02 06 0A 12 1F 02 02",
            "5 1F 10 1E 01 01 11 0E",
            "6 06 08 10 1E 11 11 0E",
            "7 1F 01 02 04 08 08 08",
            "8 0E 11 11 0E 11 11 0E",
            "9 0E 11 11 0F 01 02 0C",
            ": 00 0C 0C 00 0C 0C 00",
            "- 00 00 00 1F 00 00 00",
            ". 00 00 00 00 00 0C 0C",
            ", 00 00 00 00 0C 04 08",
            "' 0C 04 08 00 00 00 00",
            "/ 00 01 02 04 08 10 00");

    private static final Map<Character, int[]> FONT = parse();

    private PixelFont() {}

    /** The glyph's rows, or null for a character the font lacks, which is drawn as a space. */
    static int[] glyph(char c) {
        return FONT.get(Character.toUpperCase(c));
    }

    private static Map<Character, int[]> parse() {
        Map<Character, int[]> font = new HashMap<>();
        for (String glyph : GLYPHS) {
            String[] parts = glyph.split(" ");
            int[] rows = new int[HEIGHT];
            for (int row = 0; row < HEIGHT; row++) {
                rows[row] = Integer.parseInt(parts[1 + row], 16);
            }
            font.put(parts[0].charAt(0), rows);
        }
        return Map.copyOf(font);
    }
}
