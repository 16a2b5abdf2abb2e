package io.vecsync.simulator;

import java.util.List;

/** The segments of one version of a video together with the serialized embeddings response that serves them. */
record Rendition(List<Segment> segments, byte[] json) {
}
