package io.vecsync.platform;

/** One segment of a video's embeddings response. */
public record SegmentEmbedding(String start, String end, String option, String scope, float[] embedding) {
}
