/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimulatorDataTest {

    @Test
    void sameSeedGivesTheSameCatalog() {
        PlatformSimulator one = PlatformSimulator.builder().seed(7).videos(4).build();
        PlatformSimulator other = PlatformSimulator.builder().seed(7).videos(4).build();
        PlatformSimulator reseeded =
                PlatformSimulator.builder().seed(8).videos(4).build();

        assertEquals(one.videoIds(), other.videoIds());
        assertNotEquals(one.videoIds(), reseeded.videoIds());
        // Fetched in another order: lazy generation must not depend on it.
        String last = one.videoIds().get(3);
        other.segments(one.videoIds().get(0));
        assertEquals(
                one.segments(last).get(2).caption(), other.segments(last).get(2).caption());
        assertArrayEquals(
                one.segments(last).get(2).embedding(),
                other.segments(last).get(2).embedding());
    }

    @Test
    void idsAreCanonicalVersionFourUuids() {
        for (String id : PlatformSimulator.builder().videos(20).build().videoIds()) {
            assertEquals(id, UUID.fromString(id).toString());
            assertEquals(4, UUID.fromString(id).version());
        }
    }

    @Test
    void segmentsAreConsecutiveTenSecondClipsWithVocabularyCaptions() {
        PlatformSimulator simulator =
                PlatformSimulator.builder().videos(30).segmentsPerVideo(2, 4).build();
        for (String videoId : simulator.videoIds()) {
            List<Segment> segments = simulator.segments(videoId);
            assertTrue(segments.size() >= 2 && segments.size() <= 4);
            for (int i = 0; i < segments.size(); i++) {
                Segment segment = segments.get(i);
                assertEquals(seconds(i * 10), segment.start());
                int length = seconds(segment.end()) - seconds(segment.start());
                assertTrue(i < segments.size() - 1 ? length == 10 : length > 0 && length <= 10, segment.end());
                List<String> words = Vocabulary.words(segment.caption());
                assertTrue(words.size() >= 4 && words.stream().allMatch(Vocabulary::contains), segment.caption());
                assertEquals(1.0, norm(segment.embedding()), 1e-4);
            }
        }
    }

    /** A video films one subject in one place, doing something else in each segment: "a brown dog running on a beach". */
    @Test
    void captionsDescribeOneSubjectAPlaceAndWhatItDoes() {
        PlatformSimulator simulator = PlatformSimulator.builder().videos(3).build();
        List<Segment> first = simulator.segments(simulator.videoIds().get(0));
        assertTrue(
                first.stream()
                        .allMatch(segment -> segment.caption().startsWith("a man wearing a striped shirt ")
                                && segment.caption().endsWith(" in a warehouse")),
                first.get(0).caption());
        assertEquals(
                first.size(),
                first.stream().map(Segment::caption).distinct().count(),
                "each segment shows something else");
        assertTrue(
                simulator.segments(simulator.videoIds().get(2)).get(0).caption().startsWith("a brown dog "));
    }

    /** A query repeating a caption finds that segment first only while no other segment has the same words: so in the first 96 videos. */
    @Test
    void captionsAreDistinctAcrossALibrary() {
        PlatformSimulator simulator = PlatformSimulator.builder()
                .videos(96)
                .embeddingOptions("visual", "audio")
                .build();
        List<Segment> segments = simulator.liveSegments();
        assertEquals(
                segments.size(),
                segments.stream()
                        .map(segment -> Set.copyOf(Vocabulary.words(segment.caption())))
                        .distinct()
                        .count());
    }

    @Test
    void uploadsAreCreatedAfterEveryExistingVideo() {
        PlatformSimulator simulator = PlatformSimulator.builder().videos(3).build();
        String upload = simulator.upload("New", 1, true);

        assertEquals(upload, simulator.videoIds().get(3));
        assertEquals(1, simulator.segments(upload).size());
        assertEquals(
                4,
                simulator.liveSegments().stream()
                        .map(Segment::videoId)
                        .distinct()
                        .count());
    }

    @Test
    void aLargeCatalogStartsInWellUnderASecond() {
        long started = System.nanoTime();
        try (PlatformSimulator simulator =
                PlatformSimulator.builder().videos(2000).build().start()) {
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(elapsedMillis < 1000, elapsedMillis + " ms");
            assertEquals(2000, simulator.videoIds().size());
        }
    }

    private static String seconds(int total) {
        return String.format("%02d:%02d:%02d", total / 3600, total / 60 % 60, total % 60);
    }

    private static int seconds(String timecode) {
        String[] parts = timecode.split(":");
        return Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60 + Integer.parseInt(parts[2]);
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
