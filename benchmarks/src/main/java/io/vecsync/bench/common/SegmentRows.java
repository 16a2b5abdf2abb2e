/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import io.vecsync.core.SegmentIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/** Deterministic segments: videos of consecutive 6-second clips, each with a random 1024-d unit vector. */
public final class SegmentRows {

    public static final int DIMENSION = 1024;
    /** Every segment's embedding_option, as the simulator's default videos have. */
    public static final String EMBEDDING_OPTION = "visual";

    private static final int SEGMENTS_PER_VIDEO = 10;
    private static final int CLIP_SECONDS = 6;

    private SegmentRows() {}

    public static List<SegmentRow> generate(int count, long seed) {
        Random random = new Random(seed);
        List<SegmentRow> rows = new ArrayList<>(count);
        UUID videoId = null;
        for (int i = 0; i < count; i++) {
            int clip = i % SEGMENTS_PER_VIDEO;
            if (clip == 0) {
                videoId = uuid4(random);
            }
            int from = clip * CLIP_SECONDS;
            int to = from + CLIP_SECONDS;
            String start = hms(from);
            String end = hms(to);
            rows.add(new SegmentRow(
                    SegmentIds.documented(videoId.toString(), start, end),
                    videoId,
                    start,
                    end,
                    from,
                    to,
                    unitVector(random)));
        }
        return rows;
    }

    /** A version-4 UUID drawn from the seeded generator, so every run writes the same ids. */
    private static UUID uuid4(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    private static float[] unitVector(Random random) {
        float[] vector = new float[DIMENSION];
        double squares = 0;
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] = (float) random.nextGaussian();
            squares += (double) vector[i] * vector[i];
        }
        float scale = (float) (1 / Math.sqrt(squares));
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    private static String hms(int seconds) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
