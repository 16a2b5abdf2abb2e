/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vecsync.simulator.PlatformSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Folds the segment topic into what is synced and shows it: a progress bar on a terminal, plain lines otherwise. */
final class SyncProgress {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BAR_WIDTH = 40;
    private static final long PLAIN_LINE_INTERVAL_NANOS = 2_000_000_000L;

    private final PrintStream out;
    private final int expectedSegments;

    @SuppressWarnings(
            "SystemConsoleNull") // on JDK 17, which vecsync targets, console() is null when output is redirected
    private final boolean terminal = System.console() != null;

    private final Map<String, String> videoOfSegment = new HashMap<>();
    private final Map<String, VideoSummary> videos = new TreeMap<>();
    private int retracted;
    private long lastPlainLine;
    private String lastRendered = "";

    /** @param expectedSegments the truth when known (simulator), else -1 */
    SyncProgress(PrintStream out, int expectedSegments) {
        this.out = out;
        this.expectedSegments = expectedSegments;
    }

    void record(String segmentId, byte[] value) {
        String previousVideo = videoOfSegment.remove(segmentId);
        if (previousVideo != null) {
            videos.get(previousVideo).segments--;
        }
        if (value == null) {
            // The source also writes tombstones of ids no segment has, to carry its offsets: those retract nothing.
            if (previousVideo != null) {
                retracted++;
            }
            return;
        }
        JsonNode segment;
        try {
            segment = JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("segment " + segmentId + " is not JSON", e);
        }
        String videoId = segment.path("video_id").asText();
        videoOfSegment.put(segmentId, videoId);
        VideoSummary summary = videos.computeIfAbsent(
                videoId, id -> new VideoSummary(segment.path("video_name").asText("")));
        summary.segments++;
        summary.lastSegment =
                segment.path("start").asText() + "-" + segment.path("end").asText();
    }

    int liveSegments() {
        return videoOfSegment.size();
    }

    /** Redraws the bar, or prints a plain line now and then when not on a terminal. */
    void render() {
        String status =
                liveVideos() + " videos, " + liveSegments() + (expectedSegments >= 0 ? "/" + expectedSegments : "")
                        + " segments synced" + (retracted > 0 ? ", " + retracted + " retracted" : "");
        if (terminal && expectedSegments > 0) {
            int filled = (int) Math.min(BAR_WIDTH, (long) BAR_WIDTH * liveSegments() / expectedSegments);
            out.print("\r[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + status);
            out.flush();
        } else if (!status.equals(lastRendered) && System.nanoTime() - lastPlainLine > PLAIN_LINE_INTERVAL_NANOS) {
            out.println(status);
            lastPlainLine = System.nanoTime();
            lastRendered = status;
        }
    }

    /** What was synced, per video, and what it cost. */
    void printSummary(PlatformSimulator simulator) {
        if (terminal) {
            out.println();
        }
        out.println();
        out.printf("%-38s %-20s %9s  %s%n", "video_id", "name", "segments", "last clip");
        videos.forEach((id, video) -> {
            if (video.segments > 0) {
                out.printf("%-38s %-20s %9d  %s%n", id, video.name, video.segments, video.lastSegment);
            }
        });
        out.printf("synced %d segments of %d videos into topic %s%n", liveSegments(), liveVideos(), DemoMain.TOPIC);
        if (simulator != null) {
            out.printf(
                    "embeddings calls: %d (one per video version: %d); credits spent: %d%n",
                    simulator.embeddingsCalls(), simulator.versionsCompleted(), simulator.creditsCharged());
        }
    }

    private long liveVideos() {
        return videos.values().stream().filter(v -> v.segments > 0).count();
    }

    /** One video's live segments. */
    private static final class VideoSummary {
        private final String name;
        private int segments;
        private String lastSegment = "";

        VideoSummary(String name) {
            this.name = name;
        }
    }
}
