package io.vecsync.source;

import java.util.List;

/** What the embeddings endpoint said about a video: its segments, not ready yet (409), or gone (404). */
public record EmbeddingsResult(Outcome outcome, List<SegmentEmbedding> segments) {

    /** The three answers the source acts on. */
    public enum Outcome { READY, NOT_READY, NOT_FOUND }

    static final EmbeddingsResult NOT_READY = new EmbeddingsResult(Outcome.NOT_READY, List.of());
    static final EmbeddingsResult NOT_FOUND = new EmbeddingsResult(Outcome.NOT_FOUND, List.of());

    static EmbeddingsResult ready(List<SegmentEmbedding> segments) {
        return new EmbeddingsResult(Outcome.READY, List.copyOf(segments));
    }
}
