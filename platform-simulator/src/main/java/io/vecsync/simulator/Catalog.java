/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/** The platform's videos and collections; every visible change advances a logical clock, so timestamps increase. */
final class Catalog {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration TICK = Duration.ofMinutes(1);
    private static final String[] DONE_WORDS = {"success", "DONE", "done", "completed"};
    /** The last segment of a fresh video lasts 5 to 10 s, so every video is long enough to be cut differently. */
    private static final int MIN_LAST_SEGMENT_SECONDS = 5;

    private final Random random;
    private final SegmentFactory segmentFactory;
    private final Map<String, Video> videos = new HashMap<>();
    private final CreationOrder creationOrder = new CreationOrder();
    private final Map<String, VideoCollection> collections = new LinkedHashMap<>();
    private Instant clock = EPOCH.minus(TICK);
    private int versionsCompleted;

    Catalog(long seed, SegmentFactory segmentFactory) {
        this.random = new Random(seed);
        this.segmentFactory = segmentFactory;
    }

    synchronized String upload(String name, int segments, boolean searchDone) {
        if (segments < 1) {
            throw new IllegalArgumentException("a video has at least one segment, got " + segments);
        }
        String id = uuid();
        String doneWord = DONE_WORDS[random.nextInt(DONE_WORDS.length)];
        int lastSegmentSeconds =
                MIN_LAST_SEGMENT_SECONDS + random.nextInt(Version.FIRST_SEGMENT_SECONDS - MIN_LAST_SEGMENT_SECONDS + 1);
        int duration = (segments - 1) * Version.FIRST_SEGMENT_SECONDS + lastSegmentSeconds;
        Instant now = tick();
        int position = creationOrder.nextPosition();
        Video video = new Video(
                id,
                position,
                name,
                now,
                now,
                doneWord,
                searchDone,
                segmentFactory.firstVersion(id, position, duration));
        videos.put(id, video);
        creationOrder.append(video);
        if (searchDone) {
            versionsCompleted++;
        }
        return id;
    }

    /** Adds the initial videos "Video 001", "Video 002"..., all done, with segment counts from the inclusive range. */
    synchronized void populate(int count, int minSegments, int maxSegments) {
        for (int i = 1; i <= count; i++) {
            upload(initialName(i), minSegments + random.nextInt(maxSegments - minSegments + 1), true);
        }
    }

    /** "Video %03d", without String.format, which took most of the start time of a million videos. */
    private static String initialName(int number) {
        String digits = Integer.toString(number);
        return "Video " + "0".repeat(Math.max(0, 3 - digits.length())) + digits;
    }

    synchronized void completeSearchProcess(String videoId) {
        Video video = require(videoId);
        if (!video.searchDone()) {
            change(video, true, video.version());
        }
    }

    synchronized void startReprocessing(String videoId) {
        Video video = require(videoId);
        change(video, false, video.version());
    }

    synchronized void finishReprocessing(String videoId) {
        Video video = require(videoId);
        change(video, true, video.version().next());
    }

    /** A new version of a done video that leaves every listed field as it was, updated_at included. */
    synchronized void reprocessSilently(String videoId) {
        Video video = require(videoId);
        if (!video.searchDone()) {
            throw new IllegalStateException("only a done video can be re-processed silently: " + videoId);
        }
        replace(video.withSearchProcess(true, video.version().next(), video.updatedAt()));
    }

    synchronized void delete(String videoId) {
        creationOrder.remove(require(videoId));
        videos.remove(videoId);
    }

    synchronized Optional<Video> find(String videoId) {
        return Optional.ofNullable(videos.get(videoId));
    }

    /** The video, which the scenario code must name correctly. */
    synchronized Video require(String videoId) {
        return find(videoId).orElseThrow(() -> new IllegalArgumentException("no such video: " + videoId));
    }

    /** Existing videos in creation order. */
    synchronized List<Video> videos() {
        return creationOrder.all();
    }

    /** A page of the videos created in [from, to], the done ones only if asked, oldest or newest first. */
    synchronized ListingPage byCreation(
            boolean doneOnly, Instant from, Instant to, boolean newestFirst, int skip, int limit) {
        return creationOrder.page(doneOnly, from, to, newestFirst, skip, limit);
    }

    /** The given videos that still exist, in the given order. */
    synchronized List<Video> existing(List<String> videoIds) {
        return videoIds.stream().filter(videos::containsKey).map(videos::get).toList();
    }

    synchronized int versionsCompleted() {
        return versionsCompleted;
    }

    synchronized String createCollection(String name, List<String> videoIds) {
        videoIds.forEach(this::require);
        String id = uuid();
        collections.put(id, new VideoCollection(id, name, tick(), List.copyOf(videoIds)));
        return id;
    }

    synchronized void addToCollection(String collectionId, String videoId) {
        require(videoId);
        VideoCollection collection = collection(collectionId)
                .orElseThrow(() -> new IllegalArgumentException("no such collection: " + collectionId));
        if (!collection.videoIds().contains(videoId)) {
            List<String> members = new ArrayList<>(collection.videoIds());
            members.add(videoId);
            collections.put(
                    collectionId,
                    new VideoCollection(collectionId, collection.name(), collection.createdAt(), List.copyOf(members)));
        }
    }

    synchronized void removeFromCollection(String collectionId, String videoId) {
        VideoCollection collection = collection(collectionId)
                .orElseThrow(() -> new IllegalArgumentException("no such collection: " + collectionId));
        List<String> members = new ArrayList<>(collection.videoIds());
        members.remove(videoId);
        collections.put(
                collectionId,
                new VideoCollection(collectionId, collection.name(), collection.createdAt(), List.copyOf(members)));
    }

    synchronized Optional<VideoCollection> collection(String collectionId) {
        return Optional.ofNullable(collections.get(collectionId));
    }

    synchronized List<VideoCollection> collections() {
        return List.copyOf(collections.values());
    }

    private void change(Video video, boolean searchDone, Version version) {
        replace(video.withSearchProcess(searchDone, version, tick()));
    }

    private void replace(Video changed) {
        videos.put(changed.id(), changed);
        creationOrder.replace(changed);
        if (changed.searchDone()) { // callers reach done only from not done or with a new version
            versionsCompleted++;
        }
    }

    private Instant tick() {
        clock = clock.plus(TICK);
        return clock;
    }

    /** A version-4 UUID from the seeded random, so ids repeat across runs with the same seed. */
    private String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }
}
