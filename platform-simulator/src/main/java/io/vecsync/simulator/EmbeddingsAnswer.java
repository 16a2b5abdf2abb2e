/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.util.Arrays;

/** What a ready video's embeddings request answers with status 200: the cases the documented contract leaves open. */
public final class EmbeddingsAnswer {

    /** The video's segments. */
    public static final EmbeddingsAnswer NORMAL = new EmbeddingsAnswer(Kind.NORMAL, 0);
    /** {@code {"id": ..., "status": "processing", "data": []}}, though the listing says the video is done. */
    public static final EmbeddingsAnswer STATUS_PROCESSING = new EmbeddingsAnswer(Kind.STATUS_PROCESSING, 0);
    /** {@code {"id": ..., "status": "ready", "data": []}}. */
    public static final EmbeddingsAnswer EMPTY_DATA = new EmbeddingsAnswer(Kind.EMPTY_DATA, 0);

    private final Kind kind;
    private final int minBytes;

    private EmbeddingsAnswer(Kind kind, int minBytes) {
        this.kind = kind;
        this.minBytes = minBytes;
    }

    /** The video's segments in a valid body padded with whitespace to more than {@code bytes} bytes. */
    public static EmbeddingsAnswer oversized(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("the size must not be negative");
        }
        return new EmbeddingsAnswer(Kind.OVERSIZED, bytes);
    }

    /** The body, given the one the video would answer otherwise. */
    byte[] body(String videoId, byte[] normal) {
        return switch (kind) {
            case NORMAL -> normal;
            case STATUS_PROCESSING -> EmbeddingsJson.withoutData(videoId, "processing");
            case EMPTY_DATA -> EmbeddingsJson.withoutData(videoId, "ready");
            case OVERSIZED -> padded(normal, minBytes + 1);
        };
    }

    @Override
    public String toString() {
        return kind == Kind.OVERSIZED ? "OVERSIZED(>" + minBytes + " bytes)" : kind.name();
    }

    /** Whitespace right after the opening brace, so that a client must read all of it before any field. */
    private static byte[] padded(byte[] body, int length) {
        if (body.length >= length) {
            return body;
        }
        byte[] padded = new byte[length];
        int padding = length - body.length;
        padded[0] = body[0];
        Arrays.fill(padded, 1, 1 + padding, (byte) ' ');
        System.arraycopy(body, 1, padded, 1 + padding, body.length - 1);
        return padded;
    }

    private enum Kind {
        NORMAL,
        STATUS_PROCESSING,
        EMPTY_DATA,
        OVERSIZED
    }
}
