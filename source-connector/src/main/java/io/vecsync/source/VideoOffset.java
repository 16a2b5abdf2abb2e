/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The Connect source offset of one video: the segments last emitted for it, so that exactly those can be retracted
 * later, and a fingerprint of their content, so that a re-verification that finds nothing changed emits nothing.
 * Its size depends on that one video only (a few bytes a segment, deflated), never on the library.
 */
public record VideoOffset(SegmentIdScheme scheme, long fingerprint, List<SegmentKey> segments) {

    public static final String PARTITION_KEY = "video";
    public static final String VERSION_KEY = OffsetVersions.KEY;
    public static final String SCHEME_KEY = "scheme";
    public static final String FINGERPRINT_KEY = "fingerprint";
    public static final String COUNT_KEY = "segments";
    public static final String SEGMENTS_KEY = "boundaries";
    public static final int VERSION = 2;

    public VideoOffset {
        segments = List.copyOf(segments);
    }

    /** The source partition of a video. */
    public static Map<String, Object> partition(String videoId) {
        return Map.of(PARTITION_KEY, videoId);
    }

    /** The ids of the segments this offset describes. */
    public List<String> segmentIds(String videoId) {
        return scheme.ids(videoId, segments);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(VERSION_KEY, VERSION);
        map.put(SCHEME_KEY, scheme.name());
        map.put(FINGERPRINT_KEY, Long.toHexString(fingerprint));
        map.put(COUNT_KEY, segments.size());
        map.put(SEGMENTS_KEY, Base64.getEncoder().encodeToString(encode(segments)));
        return map;
    }

    /**
     * Reads an offset back; null (never committed, or retracted) is empty.
     *
     * @throws ConnectException when the offset was written by another vecsync version or is corrupt
     */
    public static Optional<VideoOffset> fromMap(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return Optional.empty();
        }
        OffsetVersions.require(map, VERSION, "video");
        try {
            return Optional.of(new VideoOffset(
                    SegmentIdScheme.valueOf((String) map.get(SCHEME_KEY)),
                    Long.parseUnsignedLong((String) map.get(FINGERPRINT_KEY), 16),
                    decode(Base64.getDecoder().decode((String) map.get(SEGMENTS_KEY)))));
        } catch (IOException | RuntimeException e) {
            throw new ConnectException("a video's source offset is corrupt: " + e.getMessage(), e);
        }
    }

    /** Boundaries as strings, deflated: they repeat ("00:01:05") and compress to a few bytes a segment. */
    static byte[] encode(List<SegmentKey> segments) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(segments.size());
            for (SegmentKey segment : segments) {
                out.writeUTF(segment.start());
                out.writeUTF(segment.end());
                out.writeBoolean(segment.option() != null);
                if (segment.option() != null) {
                    out.writeUTF(segment.option());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<SegmentKey> decode(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes)))) {
            return readSegments(in);
        }
    }

    /** A segment count, then each segment's start, end and optional option: the layout version 1 used too. */
    static List<SegmentKey> readSegments(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<SegmentKey> segments = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            String start = in.readUTF();
            String end = in.readUTF();
            segments.add(new SegmentKey(start, end, in.readBoolean() ? in.readUTF() : null));
        }
        return segments;
    }
}
