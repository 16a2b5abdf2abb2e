/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.platform.SegmentEmbedding;
import java.util.List;
import java.util.Objects;

/** A 64-bit digest of a video's segments, boundaries and vectors, to tell a changed version from the same one. */
final class Fingerprints {

    private static final long PRIME = 0x100000001B3L;

    private Fingerprints() {}

    static long of(List<SegmentEmbedding> segments) {
        long hash = 0xcbf29ce484222325L;
        for (SegmentEmbedding segment : segments) {
            hash = (hash ^ Objects.hash(segment.start(), segment.end(), segment.option(), segment.scope())) * PRIME;
            for (float value : segment.embedding()) {
                hash = (hash ^ Float.floatToIntBits(value)) * PRIME;
            }
        }
        return hash;
    }
}
