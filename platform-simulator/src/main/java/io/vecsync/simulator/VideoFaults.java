/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The misbehaviour of single videos: failing requests, embeddings that are broken, not ready, empty or oversized. */
final class VideoFaults {

    private final Map<Route, Map<String, Integer>> failures = new EnumMap<>(Map.of(
            Route.VIDEO_DETAILS, new ConcurrentHashMap<>(),
            Route.VIDEO_EMBEDDINGS, new ConcurrentHashMap<>()));
    private final Map<String, Corruption> corruptions = new ConcurrentHashMap<>();
    private final Set<String> notReady = ConcurrentHashMap.newKeySet();
    private final Map<String, EmbeddingsAnswer> answers = new ConcurrentHashMap<>();

    void fail(String videoId, Route route, int status) {
        Map<String, Integer> routeFailures = failures.get(route);
        if (routeFailures == null) {
            throw new IllegalArgumentException("only " + failures.keySet() + " name a video, not " + route);
        }
        routeFailures.put(videoId, status);
    }

    void clearFailures(String videoId) {
        failures.values().forEach(routeFailures -> routeFailures.remove(videoId));
    }

    /** The status a request to the route about the video must fail with, if any. */
    OptionalInt failure(Route route, String videoId) {
        Integer status = failures.get(route).get(videoId);
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** How the video's embeddings response is broken, or null when it is intact. */
    Corruption corruption(String videoId) {
        return corruptions.get(videoId);
    }

    void corrupt(String videoId, Corruption kind) {
        corruptions.put(videoId, kind);
    }

    void repair(String videoId) {
        corruptions.remove(videoId);
    }

    boolean notReady(String videoId) {
        return notReady.contains(videoId);
    }

    void notReady(String videoId, boolean isNotReady) {
        if (isNotReady) {
            notReady.add(videoId);
        } else {
            notReady.remove(videoId);
        }
    }

    EmbeddingsAnswer answer(String videoId) {
        return answers.getOrDefault(videoId, EmbeddingsAnswer.NORMAL);
    }

    void answer(String videoId, EmbeddingsAnswer answer) {
        if (answer == EmbeddingsAnswer.NORMAL) {
            answers.remove(videoId);
        } else {
            answers.put(videoId, answer);
        }
    }
}
