/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNeighbourTest {

    @Test
    void aQueryOfASegmentsCaptionWordsFindsThatSegmentFirst() {
        PlatformSimulator simulator = PlatformSimulator.builder()
                .videos(40)
                .embeddingOptions("visual", "audio")
                .build();
        List<Segment> segments = simulator.liveSegments();

        for (int i = 0; i < segments.size(); i += 7) {
            Segment expected = segments.get(i);
            List<String> words = new ArrayList<>(List.of(expected.caption().split(" ")));
            Collections.reverse(words);
            float[] query = simulator.textEmbedding(String.join(" ", words));
            assertSame(expected, nearest(query, segments), expected.caption());
        }
    }

    @Test
    void textEmbeddingIgnoresCaseAndPunctuation() {
        PlatformSimulator simulator = PlatformSimulator.builder().videos(0).build();
        assertArrayEquals(simulator.textEmbedding("dog rain"), simulator.textEmbedding("Dog, RAIN!"));
    }

    private static Segment nearest(float[] query, List<Segment> segments) {
        Segment best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Segment segment : segments) {
            // Both sides are unit vectors, so the dot product is the cosine.
            double score = 0;
            for (int d = 0; d < query.length; d++) {
                score += query[d] * segment.embedding()[d];
            }
            if (score > bestScore) {
                best = segment;
                bestScore = score;
            }
        }
        return best;
    }
}
