/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.platform.PlatformListener;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;

/** The source task's counters, registered as JMX metrics through Connect's plugin metrics (KIP-877). */
public final class SourceMetrics implements PlatformListener {

    final LongAdder videosSynced = new LongAdder();
    final LongAdder videosUnchanged = new LongAdder();
    final LongAdder videosRetracted = new LongAdder();
    final LongAdder videosFailed = new LongAdder();
    final LongAdder videosNotReady = new LongAdder();
    final LongAdder segmentsEmitted = new LongAdder();
    final LongAdder tombstonesEmitted = new LongAdder();
    final LongAdder embeddingsCalls = new LongAdder();
    final LongAdder platformRequests = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder fullWalks = new LongAdder();
    final LongAdder recentWalks = new LongAdder();
    final LongAdder reconciliations = new LongAdder();
    final LongAdder offsetCommits = new LongAdder();
    final AtomicLong videosIndexed = new AtomicLong();
    final AtomicLong stateBytes = new AtomicLong();
    final AtomicLong videosPending = new AtomicLong();

    @Override
    public void request(String route) {
        platformRequests.increment();
    }

    @Override
    public void retried() {
        retries.increment();
    }

    @Override
    public void rateLimited() {
        rateLimited.increment();
    }

    @Override
    public void embeddingsCalled() {
        embeddingsCalls.increment();
    }

    /** Registers every counter; a null {@code pluginMetrics} (a runtime without KIP-877) only keeps them in memory. */
    static void register(SourceMetrics metrics, PluginMetrics pluginMetrics) {
        if (pluginMetrics == null) {
            return;
        }
        gauge(
                pluginMetrics,
                "videos-indexed",
                "Videos in the task's index: synced, or being synced or retracted",
                metrics.videosIndexed::get);
        gauge(
                pluginMetrics,
                "state-bytes",
                "Bytes of the task's own per-video state: its index's arrays (17 bytes a slot) and the ids a walk"
                        + " collects to share (16 bytes each); not the worker's copy of the offsets",
                metrics.stateBytes::get);
        gauge(pluginMetrics, "videos-pending", "Videos waiting to be fetched", metrics.videosPending::get);
        gauge(
                pluginMetrics,
                "videos-synced-total",
                "Video versions whose segments were emitted",
                metrics.videosSynced::sum);
        gauge(
                pluginMetrics,
                "videos-unchanged-total",
                "Re-verified videos whose segments had not changed (nothing emitted)",
                metrics.videosUnchanged::sum);
        gauge(
                pluginMetrics,
                "videos-retracted-total",
                "Videos retracted because the platform deleted them or they left the scope",
                metrics.videosRetracted::sum);
        gauge(
                pluginMetrics,
                "videos-failed-total",
                "Platform calls about one video that failed (refused, malformed, retries exhausted); retried later",
                metrics.videosFailed::sum);
        gauge(
                pluginMetrics,
                "videos-not-ready-total",
                "Embeddings answers that were not ready (409, a status other than ready, or empty); retried later",
                metrics.videosNotReady::sum);
        gauge(pluginMetrics, "segments-emitted-total", "Segment records emitted", metrics.segmentsEmitted::sum);
        gauge(
                pluginMetrics,
                "tombstones-emitted-total",
                "Tombstones emitted for segments the platform no longer has",
                metrics.tombstonesEmitted::sum);
        gauge(
                pluginMetrics,
                "embeddings-calls-total",
                "Embeddings requests sent (each costs a platform credit unless refunded)",
                metrics.embeddingsCalls::sum);
        gauge(
                pluginMetrics,
                "platform-requests-total",
                "Platform requests sent, retries included",
                metrics.platformRequests::sum);
        gauge(pluginMetrics, "retries-total", "Platform requests retried", metrics.retries::sum);
        gauge(pluginMetrics, "rate-limited-total", "Platform answers of 429", metrics.rateLimited::sum);
        gauge(
                pluginMetrics,
                "full-walks-total",
                "Full walks of the listing started (reconciliations)",
                metrics.fullWalks::sum);
        gauge(
                pluginMetrics,
                "reconciliations-total",
                "Complete listings, walked here or shared by another task, the task's synced videos were compared with",
                metrics.reconciliations::sum);
        gauge(
                pluginMetrics,
                "offset-commits-total",
                "Offset commits Connect told the task of: what it emitted before one is durable",
                metrics.offsetCommits::sum);
        gauge(
                pluginMetrics,
                "recent-walks-total",
                "Walks of the recent part of the listing started",
                metrics.recentWalks::sum);
    }

    private static void gauge(PluginMetrics metrics, String name, String description, LongSupplier value) {
        MetricName metricName = metrics.metricName(name, description, new LinkedHashMap<>());
        metrics.addMetric(metricName, (Gauge<Long>) (config, now) -> value.getAsLong());
    }

    /** The periodic one-line progress summary. */
    String progressLine() {
        return String.format(
                "%d videos indexed, %d pending, %d synced, %d unchanged, %d failed, %d not ready, %d retracted;"
                        + " %d segments, %d tombstones; %d embeddings calls, %d platform requests, %d retries, %d rate-limited;"
                        + " %d full and %d recent walks",
                videosIndexed.get(),
                videosPending.get(),
                videosSynced.sum(),
                videosUnchanged.sum(),
                videosFailed.sum(),
                videosNotReady.sum(),
                videosRetracted.sum(),
                segmentsEmitted.sum(),
                tombstonesEmitted.sum(),
                embeddingsCalls.sum(),
                platformRequests.sum(),
                retries.sum(),
                rateLimited.sum(),
                fullWalks.sum(),
                recentWalks.sum());
    }
}
