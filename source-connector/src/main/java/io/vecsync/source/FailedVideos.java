/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.util.HashMap;
import java.util.Map;

/**
 * Videos whose fetch failed or was not ready, with when to try each again. Every embeddings call may cost a credit,
 * so a video that keeps failing is tried after one poll interval, then two, four... up to a cap, not on every walk.
 */
final class FailedVideos {

    static final long MAX_BACKOFF_MS = 6 * 60 * 60 * 1000L;

    private final long pollIntervalMs;
    private final Map<String, Failure> failures = new HashMap<>();

    FailedVideos(long pollIntervalMs) {
        this.pollIntervalMs = pollIntervalMs;
    }

    /** Records a failure; returns the delay until the next attempt. */
    long failed(String videoId, long now) {
        int count = failures.containsKey(videoId) ? failures.get(videoId).count() + 1 : 1;
        long delay = Math.min(MAX_BACKOFF_MS, pollIntervalMs << Math.min(count - 1, 30));
        failures.put(videoId, new Failure(count, now + delay));
        return delay;
    }

    void succeeded(String videoId) {
        failures.remove(videoId);
    }

    /** Whether the video may be fetched now. */
    boolean due(String videoId, long now) {
        Failure failure = failures.get(videoId);
        return failure == null || now >= failure.retryAt();
    }

    int size() {
        return failures.size();
    }

    private record Failure(int count, long retryAt) {}
}
