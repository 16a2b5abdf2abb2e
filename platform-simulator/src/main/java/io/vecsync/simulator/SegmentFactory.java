/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Cuts a version of a video into captioned, embedded segments, deterministically from the simulator's seed. */
final class SegmentFactory {

    /** Noise this small keeps every segment nearest to a query made of its own caption words. */
    private static final double NOISE_NORM = 0.3;

    private static final String SCOPE = "clip";

    private final long seed;
    private final List<String> options;
    private final SimulatedTextEmbeddings embedder;

    SegmentFactory(long seed, List<String> options, SimulatedTextEmbeddings embedder) {
        this.seed = seed;
        this.options = List.copyOf(options);
        this.embedder = embedder;
    }

    /** @param position the video's place in creation order, which picks what it films */
    Version firstVersion(String videoId, int position, int durationSeconds) {
        return new Version(this, videoId, position, 1, Version.FIRST_SEGMENT_SECONDS, durationSeconds);
    }

    Rendition render(Version version) {
        // Seeded per version, not drawn from a shared stream, so the order videos are first fetched in does not matter.
        Random random = new Random(seed ^ version.videoId().hashCode() * 0x9E3779B97F4A7C15L ^ version.number());
        Vocabulary.Captions captions = Vocabulary.captions(version.position(), random);
        List<Segment> segments = new ArrayList<>(version.segmentCount() * options.size());
        for (int i = 0; i < version.segmentCount(); i++) {
            int startSecond = i * version.segmentSeconds();
            String start = timecode(startSecond);
            String end = timecode(Math.min(startSecond + version.segmentSeconds(), version.durationSeconds()));
            for (int o = 0; o < options.size(); o++) {
                String option = options.get(o);
                String caption = captions.get(i * options.size() + o);
                float[] embedding = embedder.embedNear(caption, NOISE_NORM, random);
                segments.add(new Segment(version.videoId(), start, end, option, SCOPE, caption, embedding));
            }
        }
        return new Rendition(List.copyOf(segments), EmbeddingsJson.video(version.videoId(), segments, -1));
    }

    private static String timecode(int seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
