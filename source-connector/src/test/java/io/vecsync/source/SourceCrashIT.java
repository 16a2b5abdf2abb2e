/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A worker killed mid-sync (SIGKILL, in a JVM of its own) and another taking over: what the crash re-buys with
 * Connect's at-least-once source offsets at their default 60 s flush, and with exactly-once source support.
 */
@Tag("slow")
class SourceCrashIT extends SourceClusterTest {

    private static final int VIDEOS = 240;
    private static final int FETCH_CONCURRENCY = 2;
    private static final Duration LATENCY = Duration.ofMillis(30);
    private static final int KILL_AFTER_CALLS = 60;

    @Test
    void exactlyOnceReBuysAtMostOnePollsVideosWhereAtLeastOnceReBuysEverySinceTheLastFlush() throws Exception {
        int atLeastOnce = reBoughtAfterCrash("alo", Map.of(), Map.of());
        int exactlyOnce = reBoughtAfterCrash(
                "eos", Map.of("exactly.once.source.support", "enabled"), Map.of("exactly.once.support", "required"));
        System.out.printf(
                "kill -9 after %d of %d videos fetched: at-least-once re-bought %d, exactly-once %d%n",
                KILL_AFTER_CALLS, VIDEOS, atLeastOnce, exactlyOnce);
        assertTrue(
                atLeastOnce >= KILL_AFTER_CALLS,
                "no offset flush in the first seconds: every video fetched is bought again, " + atLeastOnce);
        // One poll takes the fetches that finish within 250 ms, at most concurrency x (250 / latency + 2) videos; those
        // under way when the worker dies are bought again too.
        int onePoll = FETCH_CONCURRENCY * (int) (250 / LATENCY.toMillis() + 2) + FETCH_CONCURRENCY;
        assertTrue(
                exactlyOnce <= onePoll,
                "exactly-once re-bought " + exactlyOnce + " videos, more than one poll's " + onePoll);
    }

    /** Syncs until {@link #KILL_AFTER_CALLS} videos are fetched, kills the worker, lets another finish; the re-bought count. */
    private int reBoughtAfterCrash(String mode, Map<String, String> workerProps, Map<String, String> connectorProps)
            throws Exception {
        // The connector runs on the worker processes' own group, not on the test cluster's worker.
        try (PlatformSimulator simulator = PlatformSimulator.builder()
                .seed(61)
                .videos(VIDEOS)
                .segmentsPerVideo(1, 3)
                .build()
                .start()) {
            simulator.latency(LATENCY);
            return reBoughtAfterCrash(new SourceHarness(connect, simulator, mode), workerProps, connectorProps);
        }
    }

    private int reBoughtAfterCrash(SourceHarness h, Map<String, String> workerProps, Map<String, String> connectorProps)
            throws Exception {
        String mode = h.name;
        Map<String, String> config = h.config(1);
        config.put(PlatformSourceConfig.FETCH_CONCURRENCY, Integer.toString(FETCH_CONCURRENCY));
        config.putAll(connectorProps);
        String bootstrap = connect.kafka().bootstrapServers();
        Path log = Files.createTempFile(mode, ".log");
        try (WorkerProcess first = WorkerProcess.start(bootstrap, mode, workerProps, log)) {
            first.configureConnector(h.name, config);
            Eventually.await(
                    SourceHarness.SYNC_TIMEOUT,
                    KILL_AFTER_CALLS + " videos fetched",
                    () -> h.simulator.embeddingsCalls() >= KILL_AFTER_CALLS);
            first.kill();
        }
        try (WorkerProcess second = WorkerProcess.start(bootstrap, mode, workerProps, log)) {
            Eventually.await(
                    SourceHarness.SYNC_TIMEOUT,
                    "every video fetched after the crash (log: " + log + ")",
                    () -> h.simulator.embeddingsCalls() >= VIDEOS);
            h.awaitTruth("the sync finished by the second worker");
        }
        assertEquals(
                VIDEOS,
                h.simulator.liveSegments().stream()
                        .map(s -> s.videoId())
                        .distinct()
                        .count());
        return h.simulator.embeddingsCalls() - VIDEOS;
    }
}
