/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import java.util.List;

/** What the embeddings endpoint said about a video: its segments, not ready yet, or gone (404). */
public record EmbeddingsResult(Outcome outcome, List<SegmentEmbedding> segments) {

    /** The three answers a caller acts on. */
    public enum Outcome {
        READY,
        NOT_READY,
        NOT_FOUND
    }

    static final EmbeddingsResult NOT_READY = new EmbeddingsResult(Outcome.NOT_READY, List.of());
    static final EmbeddingsResult NOT_FOUND = new EmbeddingsResult(Outcome.NOT_FOUND, List.of());

    public EmbeddingsResult {
        segments = List.copyOf(segments);
    }

    static EmbeddingsResult ready(List<SegmentEmbedding> segments) {
        return new EmbeddingsResult(Outcome.READY, segments);
    }
}
