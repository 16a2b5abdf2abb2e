package io.vecsync.source;

/** What identifies a segment within a video: its boundaries as the platform wrote them, and its embedding option. */
public record SegmentKey(String start, String end, String option) {
}
