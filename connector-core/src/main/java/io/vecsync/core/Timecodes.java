/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

/** Parses the platform's segment timestamps ("HH:MM:SS", also "MM:SS", "SS" and fractional seconds) into seconds. */
public final class Timecodes {

    private Timecodes() {}

    /**
     * Seconds since the start of the video.
     *
     * @throws IllegalArgumentException naming the value when it is not a timestamp
     */
    public static double toSeconds(String timecode) {
        if (timecode == null || timecode.isBlank()) {
            throw new IllegalArgumentException("empty timestamp, expected HH:MM:SS");
        }
        String[] parts = timecode.trim().split(":", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("'" + timecode + "' is not a timestamp, expected HH:MM:SS");
        }
        double seconds = 0;
        for (int i = 0; i < parts.length; i++) {
            double part = parsePart(parts[i], timecode, i == parts.length - 1);
            if (i > 0 && part >= 60) {
                throw new IllegalArgumentException("'" + timecode + "' has a field of 60 or more, expected HH:MM:SS");
            }
            seconds = seconds * 60 + part;
        }
        return seconds;
    }

    private static double parsePart(String part, String timecode, boolean last) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("'" + timecode + "' has an empty field, expected HH:MM:SS");
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean fraction = last && c == '.' && part.indexOf('.') == i && i > 0 && i < part.length() - 1;
            if (!(c >= '0' && c <= '9') && !fraction) {
                throw new IllegalArgumentException("'" + timecode + "' is not a timestamp, expected HH:MM:SS");
            }
        }
        return Double.parseDouble(part);
    }
}
