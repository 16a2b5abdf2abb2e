/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.query;

import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's queries: captions of random segments, all distinct, so that no text query is answered from the
 * service's embedding cache. A caption's text embedding is the centre its segment was generated around.
 */
final class QueryWorkload {

    private final List<String> captions;
    private int next;

    private QueryWorkload(List<String> captions) {
        this.captions = captions;
    }

    static QueryWorkload draw(PlatformSimulator simulator, int count, long seed) {
        List<String> videos = simulator.videoIds();
        Random random = new Random(seed);
        Set<String> captions = new LinkedHashSet<>();
        // Random draws find nearly every distinct caption within 50 draws a segment; past that there are too few.
        long draws = 50L
                * videos.stream()
                        .mapToLong(video -> simulator.segments(video).size())
                        .sum();
        while (captions.size() < count) {
            if (draws-- == 0) {
                throw new IllegalArgumentException(
                        "the runs need " + count + " distinct captions, but the simulator's segments"
                                + " have only about " + captions.size() + ": raise --segments or lower --queries");
            }
            List<Segment> segments = simulator.segments(videos.get(random.nextInt(videos.size())));
            captions.add(segments.get(random.nextInt(segments.size())).caption());
        }
        return new QueryWorkload(new ArrayList<>(captions));
    }

    /** The next {@code count} captions, none handed out before. */
    List<String> take(int count) {
        if (next + count > captions.size()) {
            throw new IllegalStateException("drew " + captions.size() + " captions, " + (next + count) + " asked for");
        }
        List<String> taken = captions.subList(next, next + count);
        next += count;
        return taken;
    }
}
