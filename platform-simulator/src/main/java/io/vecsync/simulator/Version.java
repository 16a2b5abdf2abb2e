/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.lang.ref.SoftReference;

/** One processing result of a video: how it is cut into segments, with the embeddings rendered on first use. */
final class Version {

    static final int FIRST_SEGMENT_SECONDS = 10;
    /** Segment lengths re-processing picks from, in order of preference. */
    private static final int[] RESEGMENT_SECONDS = {7, 10, 5, 8, 6, 9, 4, 3, 2, 1};

    private final SegmentFactory factory;
    private final String videoId;
    private final int position;
    private final int number;
    private final int segmentSeconds;
    private final int durationSeconds;
    private SoftReference<Rendition> rendition;

    Version(SegmentFactory factory, String videoId, int position, int number, int segmentSeconds, int durationSeconds) {
        this.factory = factory;
        this.videoId = videoId;
        this.position = position;
        this.number = number;
        this.segmentSeconds = segmentSeconds;
        this.durationSeconds = durationSeconds;
    }

    String videoId() {
        return videoId;
    }

    /** The video's place in creation order. */
    int position() {
        return position;
    }

    int number() {
        return number;
    }

    int segmentSeconds() {
        return segmentSeconds;
    }

    int durationSeconds() {
        return durationSeconds;
    }

    int segmentCount() {
        return countFor(segmentSeconds);
    }

    /** The version re-processing produces: another segment length that also yields another segment count. */
    Version next() {
        for (int seconds : RESEGMENT_SECONDS) {
            if (seconds != segmentSeconds && countFor(seconds) != segmentCount()) {
                return new Version(factory, videoId, position, number + 1, seconds, durationSeconds);
            }
        }
        throw new IllegalStateException("a " + durationSeconds + " s video cannot be cut differently");
    }

    /**
     * Rendered lazily because most versions of a large catalog are never fetched, and held softly because a crawl of
     * all of them must not pin them all; rendering again gives the same segments.
     */
    synchronized Rendition rendition() {
        Rendition rendered = rendition == null ? null : rendition.get();
        if (rendered == null) {
            rendered = factory.render(this);
            rendition = new SoftReference<>(rendered);
        }
        return rendered;
    }

    private int countFor(int seconds) {
        return Math.floorDiv(durationSeconds + seconds - 1, seconds);
    }
}
