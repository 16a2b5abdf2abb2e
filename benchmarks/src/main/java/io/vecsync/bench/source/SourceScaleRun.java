/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import io.vecsync.bench.common.Await;
import io.vecsync.bench.common.BenchTopics;
import io.vecsync.bench.common.Jmx;
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
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import javax.management.ObjectName;

/**
 * One catalogue size: a fresh simulator synced by a two-task source connector, left quiet once an offset commit followed
 * the sync, restarted (a full reconciliation), then scaled out to eight tasks and left quiet again.
 */
final class SourceScaleRun {

    private static final int TASKS = 2;
    /** The connector scaled out after the restart: a quiet poll interval must cost what it cost with two tasks. */
    private static final int SCALED_OUT_TASKS = 8;

    private static final int PARTITIONS = 3;
    private static final int PAGE_SIZE = 500;
    private static final int DIMENSION = 8;
    private static final long POLL_INTERVAL_MS = 1000;
    private static final long IDLE_MS = 10_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final Duration WAIT_STEP = Duration.ofMillis(50);

    private final EmbeddedConnect connect;
    private final BenchTopics topics;

    SourceScaleRun(EmbeddedConnect connect, BenchTopics topics) {
        this.connect = connect;
        this.topics = topics;
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
            connect.configureConnector(name, config(simulator, topic, TASKS));
            await(
                    name + " initial sync",
                    () -> simulator.embeddingsCalls() >= videos
                            && SourceTaskMetrics.sum(name, "videos-synced-total") >= videos);
            long segments = SourceTaskMetrics.sum(name, "segments-emitted-total");
            await(name + " topic", () -> endOffsets(topic) >= segments);
            double syncSeconds = sync.seconds();
            log("%s: %,d segments in %.1f s", name, segments, syncSeconds);

            // The initial sync is every task's first, full walk; the walker's recent walks start once its walk ended.
            await(
                    name + " end of the full walks",
                    () -> everyTask(TASKS, task -> SourceTaskMetrics.task(name, task, "reconciliations-total") >= 1)
                            && SourceTaskMetrics.task(name, 0, "recent-walks-total") >= 1);
            // Quiet means after an offset commit that followed the sync: until then every poll copies the offsets of
            // the partitions the sync wrote, which is Connect's work, not a quiet poll's.
            long[] commits = perTask(name, TASKS, "offset-commits-total");
            await(name + " an offset commit after the sync", () -> {
                long[] now = perTask(name, TASKS, "offset-commits-total");
                return everyTask(TASKS, task -> now[task] > commits[task]);
            });
            Thread.sleep(POLL_INTERVAL_MS);
            int listingsBefore = simulator.requests(Route.VIDEOS_LIST);
            TaskThreadsCpu cpuBefore = TaskThreadsCpu.read(name);
            Stopwatch idle = Stopwatch.start();
            Thread.sleep(IDLE_MS);
            double idleCpuMillis = TaskThreadsCpu.read(name).millisSince(cpuBefore);
            double listingsPerPoll = (simulator.requests(Route.VIDEOS_LIST) - listingsBefore)
                    / (idle.seconds() * 1000 / POLL_INTERVAL_MS);
            long stateBytes = SourceTaskMetrics.sum(name, "state-bytes");
            double heap = heapAfterGcMegabytes() - heapBefore;
            OffsetsTopicUse offsets = OffsetsTopicUse.read(connect.kafka().bootstrapServers(), name);
            log(
                    "%s: quiet %.2f listings a poll interval, %.0f ms CPU; task state %,d B; offsets %,d records",
                    name, listingsPerPoll, idleCpuMillis, stateBytes, offsets.records());

            long[] requestsBefore = perTask(name, TASKS, "platform-requests-total");
            int callsBefore = simulator.embeddingsCalls();
            int wholeListingPagesBefore = simulator.wholeListingPages();
            Stopwatch restart = Stopwatch.start();
            connect.restartConnectorAndTasks(name);
            // New tasks count from zero: fewer platform requests than the old task's made is the new task. The walker
            // reconciles once its first walk, a full one, is over, the others from the walk it shared.
            double[] slowestPoll = {0};
            await(name + " reconciliation after the restart", () -> {
                slowestPoll[0] = Math.max(slowestPoll[0], slowestPoll(name, TASKS));
                return everyTask(
                        TASKS,
                        task -> SourceTaskMetrics.task(name, task, "platform-requests-total") < requestsBefore[task]
                                && SourceTaskMetrics.task(name, task, "reconciliations-total") >= 1);
            });
            double restartSeconds = restart.seconds();
            long restartCalls = (long) simulator.embeddingsCalls() - callsBefore;
            // Every task has reconciled: the pages of whole-listing walks since are what one reconciliation cost.
            long fullWalk = (long) simulator.wholeListingPages() - wholeListingPagesBefore;
            // The sweep and the sharing that end a full walk run after it: the next seconds' polls count too.
            Stopwatch tail = Stopwatch.start();
            while (tail.seconds() < 2 * POLL_INTERVAL_MS / 1000.0) {
                slowestPoll[0] = Math.max(slowestPoll[0], slowestPoll(name, TASKS));
                Thread.sleep(WAIT_STEP.toMillis());
            }

            double listingsPerPollScaledOut = quietListingsWith(name, simulator, topic, SCALED_OUT_TASKS);
            connect.deleteConnector(name);
            connect.kafka().deleteTopic(topic);
            return new SourceScaleResult(
                    videos,
                    segments,
                    segments / syncSeconds,
                    offsets,
                    listingsPerPoll,
                    listingsPerPollScaledOut,
                    fullWalk,
                    idleCpuMillis,
                    slowestPoll[0],
                    stateBytes,
                    heap,
                    restartCalls,
                    restartSeconds);
        }
    }

    /**
     * Stops the connector and starts it again with {@code tasks} tasks, its offsets kept, then measures the listing
     * requests of a quiet poll interval, all tasks.
     */
    private double quietListingsWith(String name, PlatformSimulator simulator, String topic, int tasks)
            throws InterruptedException {
        // Stopped, then started with more tasks: every task's metrics start from zero, so the counts below are theirs.
        connect.deleteConnector(name);
        await(name + " stopped", () -> !Jmx.exists("kafka.connect:type=plugins,connector=" + name + ",*"));
        connect.configureConnector(name, config(simulator, topic, tasks));
        await(
                name + " " + tasks + " tasks reconciled",
                () -> everyTask(tasks, task -> SourceTaskMetrics.task(name, task, "reconciliations-total") >= 1)
                        && SourceTaskMetrics.task(name, 0, "recent-walks-total") >= 1);
        Thread.sleep(POLL_INTERVAL_MS);
        int listingsBefore = simulator.requests(Route.VIDEOS_LIST);
        Stopwatch idle = Stopwatch.start();
        Thread.sleep(IDLE_MS);
        double perPoll =
                (simulator.requests(Route.VIDEOS_LIST) - listingsBefore) / (idle.seconds() * 1000 / POLL_INTERVAL_MS);
        log("%s: %d tasks, quiet %.2f listings a poll interval", name, tasks, perPoll);
        return perPoll;
    }

    /** The slowest poll any task made lately, per Connect's source-task metric (NaN before a task's first poll). */
    private static double slowestPoll(String name, int tasks) {
        double slowest = 0;
        for (int task = 0; task < tasks; task++) {
            for (ObjectName bean :
                    Jmx.names("kafka.connect:type=source-task-metrics,connector=" + name + ",task=" + task)) {
                OptionalDouble value = Jmx.value(bean, "poll-batch-max-time-ms");
                if (value.isPresent() && !Double.isNaN(value.getAsDouble())) {
                    slowest = Math.max(slowest, value.getAsDouble());
                }
            }
        }
        return slowest;
    }

    private static long[] perTask(String name, int tasks, String attribute) {
        long[] values = new long[tasks];
        for (int task = 0; task < tasks; task++) {
            values[task] = SourceTaskMetrics.task(name, task, attribute);
        }
        return values;
    }

    /** Default producer limits: no max.request.size override; steady-state polls are recent walks only. */
    private static Map<String, String> config(PlatformSimulator simulator, String topic, int tasks) {
        Map<String, String> config =
                new LinkedHashMap<>(ConnectorConfigs.platformSource(simulator.baseUrl(), simulator.apiKey(), topic));
        config.put("tasks.max", Integer.toString(tasks));
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

    private static boolean everyTask(int tasks, IntPredicate condition) {
        for (int task = 0; task < tasks; task++) {
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
