/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import io.vecsync.bench.common.Await;
import io.vecsync.bench.common.BenchTopics;
import io.vecsync.bench.common.Stopwatch;
import io.vecsync.embedded.ConnectorConfigs;
import io.vecsync.embedded.EmbeddedConnect;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Route;
import io.vecsync.source.PlatformSourceConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/** One catalogue size: a fresh simulator synced by a two-task source connector, then left idle, then restarted. */
final class SourceScaleRun {

    private static final int TASKS = 2;
    private static final int PARTITIONS = 3;
    private static final int PAGE_SIZE = 500;
    private static final int DIMENSION = 8;
    private static final long POLL_INTERVAL_MS = 1000;
    private static final long IDLE_MS = 10_000;
    private static final long SETTLE_MS = 5_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final Duration WAIT_STEP = Duration.ofMillis(50);

    private final EmbeddedConnect connect;
    private final BenchTopics topics;
    private final int offsetFlushMs;

    SourceScaleRun(EmbeddedConnect connect, BenchTopics topics, int offsetFlushMs) {
        this.connect = connect;
        this.topics = topics;
        this.offsetFlushMs = offsetFlushMs;
    }

    SourceScaleResult run(int videos) throws Exception {
        String name = "scale-" + videos;
        String topic = "bench-" + name;
        try (PlatformSimulator simulator = PlatformSimulator.builder()
                .seed(1)
                .videos(videos)
                .segmentsPerVideo(1, 2)
                .dimension(DIMENSION)
                .build()
                .start()) {
            topics.create(topic, PARTITIONS, Map.of("cleanup.policy", "compact"));
            double heapBefore = heapAfterGcMegabytes();

            Stopwatch sync = Stopwatch.start();
            connect.configureConnector(name, config(simulator, topic));
            await(
                    name + " initial sync",
                    () -> simulator.embeddingsCalls() >= videos
                            && SourceTaskMetrics.sum(name, "videos-synced-total") >= videos);
            long segments = SourceTaskMetrics.sum(name, "segments-emitted-total");
            await(name + " topic", () -> endOffsets(topic) >= segments);
            double syncSeconds = sync.seconds();
            log("%s: %,d segments in %.1f s", name, segments, syncSeconds);

            // The initial sync is the tasks' first, full walk; a recent walk starts only once it has ended.
            await(
                    name + " end of the full walk",
                    () -> everyTask(task -> SourceTaskMetrics.task(name, task, "recent-walks-total") >= 1));
            // The task threads still convert and send the sync's last records for a moment after the walk ends.
            Thread.sleep(SETTLE_MS);
            int listingsBefore = simulator.requests(Route.VIDEOS_LIST);
            TaskThreadsCpu cpuBefore = TaskThreadsCpu.read(name);
            Stopwatch idle = Stopwatch.start();
            Thread.sleep(IDLE_MS);
            double idleCpuMillis = TaskThreadsCpu.read(name).millisSince(cpuBefore);
            double listingsPerPoll = (simulator.requests(Route.VIDEOS_LIST) - listingsBefore)
                    / (idle.seconds() * 1000 / POLL_INTERVAL_MS);
            double heap = heapAfterGcMegabytes() - heapBefore;
            // Wait for the worker's next offset flush, so the last of the sync's offsets are in the topic.
            Thread.sleep(Math.max(0, offsetFlushMs + 2 * POLL_INTERVAL_MS - IDLE_MS - SETTLE_MS));
            OffsetsTopicUse offsets = OffsetsTopicUse.read(connect.kafka().bootstrapServers(), name);
            log(
                    "%s: idle %.2f listings a poll, %.0f ms CPU; offsets %,d records",
                    name, listingsPerPoll, idleCpuMillis, offsets.records());

            long[] recentBefore = new long[TASKS];
            for (int task = 0; task < TASKS; task++) {
                recentBefore[task] = SourceTaskMetrics.task(name, task, "recent-walks-total");
            }
            int callsBefore = simulator.embeddingsCalls();
            int wholeListingPagesBefore = simulator.wholeListingPages();
            Stopwatch restart = Stopwatch.start();
            connect.restartConnectorAndTasks(name);
            // New tasks count from zero: a recent-walk count below the old task's is the new task. The task that walks
            // for all reconciles once its first walk is over, the others from the walk it shared before the restart.
            await(
                    name + " reconciliation after the restart",
                    () -> everyTask(
                            task -> SourceTaskMetrics.task(name, task, "recent-walks-total") < recentBefore[task]
                                    && SourceTaskMetrics.task(name, task, "reconciliations-total") >= 1));
            double restartSeconds = restart.seconds();
            long restartCalls = (long) simulator.embeddingsCalls() - callsBefore;
            // Every task has reconciled: the pages of whole-listing walks since are what one reconciliation cost.
            long fullWalk = (long) simulator.wholeListingPages() - wholeListingPagesBefore;
            connect.deleteConnector(name);
            connect.kafka().deleteTopic(topic);
            return new SourceScaleResult(
                    videos,
                    segments,
                    segments / syncSeconds,
                    offsets,
                    listingsPerPoll,
                    fullWalk,
                    idleCpuMillis,
                    heap,
                    restartCalls,
                    restartSeconds);
        }
    }

    /** Default producer limits: no max.request.size override; steady-state polls are recent walks only. */
    private static Map<String, String> config(PlatformSimulator simulator, String topic) {
        Map<String, String> config =
                new LinkedHashMap<>(ConnectorConfigs.platformSource(simulator.baseUrl(), simulator.apiKey(), topic));
        config.put("tasks.max", Integer.toString(TASKS));
        config.put(PlatformSourceConfig.EMBEDDING_DIMENSION, Integer.toString(DIMENSION));
        config.put(PlatformSourceConfig.LIST_PAGE_SIZE, Integer.toString(PAGE_SIZE));
        config.put(PlatformSourceConfig.FETCH_CONCURRENCY, "8");
        config.put(PlatformSourceConfig.POLL_INTERVAL_MS, Long.toString(POLL_INTERVAL_MS));
        config.put(PlatformSourceConfig.RECONCILIATION_INTERVAL_MS, "3600000");
        return config;
    }

    private long endOffsets(String topic) {
        try {
            return topics.endOffsets(topic, PARTITIONS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the end offsets of " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    private static boolean everyTask(IntPredicate condition) {
        for (int task = 0; task < TASKS; task++) {
            if (!condition.test(task)) {
                return false;
            }
        }
        return true;
    }

    private static void await(String what, BooleanSupplier condition) {
        Await.until(what, TIMEOUT, WAIT_STEP, condition);
    }

    private static double heapAfterGcMegabytes() {
        System.gc();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024);
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, format + "%n", args);
    }
}
