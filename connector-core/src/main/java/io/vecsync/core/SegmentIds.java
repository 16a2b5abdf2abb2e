/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Deterministic segment ids: RFC 4122 UUIDv5 in the URL namespace, byte-identical to Python's {@code uuid.uuid5}. */
public final class SegmentIds {

    /** Python's {@code uuid.NAMESPACE_URL}. */
    public static final UUID NAMESPACE_URL = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-1", e);
        }
    });

    private SegmentIds() {}

    /** The documented id: {@code uuid5(NAMESPACE_URL, "<video_id>|<start>|<end>")} with the video id in canonical lowercase form. */
    public static UUID documented(String videoId, String start, String end) {
        return uuid5(NAMESPACE_URL, canonicalVideoId(videoId) + "|" + start + "|" + end);
    }

    /** The option-qualified id: {@code uuid5(NAMESPACE_URL, "<video_id>|<start>|<end>|<embedding_option>")}. */
    public static UUID optionQualified(String videoId, String start, String end, String option) {
        return uuid5(NAMESPACE_URL, canonicalVideoId(videoId) + "|" + start + "|" + end + "|" + option);
    }

    /** A video id as Python's {@code str(uuid.UUID(...))} prints it; ids that are not UUIDs are only lower-cased. */
    public static String canonicalVideoId(String videoId) {
        try {
            return UUID.fromString(videoId.trim()).toString();
        } catch (IllegalArgumentException notAUuid) {
            return videoId.trim().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether the text, trimmed, is a UUID in its 36-character form, as the platform writes video ids. */
    public static boolean isUuid(String text) {
        return text != null && UUID_TEXT.matcher(text.trim()).matches();
    }

    /** RFC 4122 section 4.3 name-based UUID with SHA-1. */
    public static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1 = SHA1.get();
        sha1.reset();
        sha1.update(toBytes(namespace));
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        return new UUID(readLong(hash, 0), readLong(hash, 8));
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        }
        return bytes;
    }

    private static long readLong(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }
}
