/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.FaultProxy;
import io.vecsync.testing.JmxMetrics;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The source with the platform behind a real TCP fault proxy: down at start, and half-open in the middle of a sync. */
@Tag("slow")
class SourceNetworkFaultsIT extends SourceClusterTest {

    private static final int TASKS = 2;
    private static final long REQUEST_TIMEOUT_MS = 1_500;
    private static final int FETCH_CONCURRENCY = 4;

    @BeforeAll
    static void needsTheProxy() {
        FaultProxy.assumeAvailable("source faults");
    }

    @Test
    void tasksStartAndRestartAndWaitWhileThePlatformIsDownThenSyncOnceItIsBack(TestInfo test) throws Exception {
        SourceHarness h =
                harness(test, PlatformSimulator.builder().seed(71).videos(60).segmentsPerVideo(1, 3));
        try (FaultProxy platform = proxyTo(h.simulator, "platform-down")) {
            platform.cutConnections();
            h.start(config(h, platform));
            long down = System.nanoTime();
            // Longer than a walk's retries and the 6 s after which the tasks used to fail.
            Duration detected = watch(h, Duration.ofSeconds(12));
            assertEveryTaskRunning(h, "while the platform is down");
            assertEquals(0, h.simulator.embeddingsCalls());

            platform.heal();
            long healed = System.nanoTime();
            h.awaitTruth("the sync once the platform is back");
            System.out.printf(
                    "[source faults] platform down %.1f s at start: detected after %s ms, synced %.1f s after it came"
                            + " back, tasks never failed%n",
                    (healed - down) / 1e9, millis(detected), (System.nanoTime() - healed) / 1e9);
            assertNotNull(detected, "a request retried while the platform was down");
            assertEquals(h.simulator.versionsCompleted(), h.simulator.creditsCharged(), "one credit a video version");

            // Half-open this time, and a restart of the connector and its tasks with state to load.
            platform.blackhole();
            String uploaded = h.simulator.upload("uploaded while unreachable", 2, true);
            h.connect.restartConnectorAndTasks(h.name, false, true, false);
            Thread.sleep(12_000);
            assertEveryTaskRunning(h, "after a restart while the platform is half-open");
            platform.heal();
            h.awaitTruth("the upload synced once the platform is back");
            assertEquals(1, h.simulator.embeddingsCalls(uploaded));
            assertEquals(0, sumOverTasks(h, "videos-retracted-total"), "nothing retracted");
        }
    }

    @Test
    void aHalfOpenPlatformMidSyncNeitherBlocksPollNorRetractsNorLosesAnything(TestInfo test) throws Exception {
        SourceHarness h =
                harness(test, PlatformSimulator.builder().seed(72).videos(200).segmentsPerVideo(1, 3));
        h.simulator.latency(Duration.ofMillis(15));
        try (FaultProxy platform = proxyTo(h.simulator, "platform-blackhole")) {
            h.start(config(h, platform));
            Eventually.await(
                    SourceHarness.SYNC_TIMEOUT,
                    "a third of the videos fetched",
                    () -> h.simulator.embeddingsCalls() >= 70);
            platform.blackhole();
            long start = System.nanoTime();
            Duration detected = watch(h, Duration.ofSeconds(20));
            assertEveryTaskRunning(h, "while the platform is half-open");
            platform.heal();
            long healed = System.nanoTime();
            h.awaitTruth("the sync after the platform's connections came back");
            long slowestPoll = (long) maxOverTasks(h, "source-task-metrics", "poll-batch-max-time-ms");
            long charged = h.simulator.creditsCharged();
            int versions = h.simulator.versionsCompleted();
            System.out.printf(
                    "[source faults] platform half-open %.1f s mid-sync: detected after %s ms, converged %.1f s after;"
                            + " slowest poll %d ms; %d credits for %d versions (%d requests retried); %d videos"
                            + " retracted%n",
                    (healed - start) / 1e9,
                    millis(detected),
                    (System.nanoTime() - healed) / 1e9,
                    slowestPoll,
                    charged,
                    versions,
                    (long) sumOverTasks(h, "retries-total"),
                    (long) sumOverTasks(h, "videos-retracted-total"));
            assertNotNull(detected, "a request retried while the platform was half-open");
            assertEquals(0, sumOverTasks(h, "videos-retracted-total"), "nothing retracted");
            // poll() never waits on the network: an idle poll sleeps at most 1 s, a busy one batches 250 ms of fetches.
            assertTrue(slowestPoll < 3_000, "the slowest poll took " + slowestPoll + " ms");
            // Toxiproxy holds the bytes of a half-open connection and delivers them once healed: the platform then
            // serves, and charges, requests the source had given up on and retried. Nothing else is paid twice.
            long retried = (long) sumOverTasks(h, "retries-total");
            assertTrue(
                    charged >= versions && charged <= versions + retried,
                    charged + " credits for " + versions + " versions and " + retried + " requests retried");
        }
    }

    /** Latency past the request deadline, then resets, then closes that come late, each for 5 s in the middle of a sync. */
    @Test
    void latencyResetsAndLateClosesMidSyncAreNoticedAndLoseNothing(TestInfo test) throws Exception {
        SourceHarness h =
                harness(test, PlatformSimulator.builder().seed(73).videos(200).segmentsPerVideo(1, 3));
        h.simulator.latency(Duration.ofMillis(15));
        Duration window = Duration.ofSeconds(5);
        try (FaultProxy platform = proxyTo(h.simulator, "platform-flaky")) {
            h.start(config(h, platform));
            Eventually.await(
                    SourceHarness.SYNC_TIMEOUT,
                    "a fifth of the videos fetched",
                    () -> h.simulator.embeddingsCalls() >= 40);
            Map<String, Consumer<FaultProxy>> faults = new LinkedHashMap<>();
            faults.put("latency", proxy -> proxy.latency(Duration.ofMillis(REQUEST_TIMEOUT_MS)));
            faults.put("reset", FaultProxy::resetEveryConnection);
            faults.put("slow close", proxy -> proxy.slowClose(window));
            for (Map.Entry<String, Consumer<FaultProxy>> fault : faults.entrySet()) {
                fault.getValue().accept(platform);
                Duration detected = watch(h, window);
                platform.heal();
                System.out.printf(
                        "[source faults] %s %.1f s mid-sync: detected after %s ms%n",
                        fault.getKey(), window.toMillis() / 1e3, millis(detected));
                assertNotNull(detected, "a request retried during the " + fault.getKey());
                assertEveryTaskRunning(h, "after the " + fault.getKey());
            }
            long healed = System.nanoTime();
            h.awaitTruth("the sync after the faults");
            long slowestPoll = (long) maxOverTasks(h, "source-task-metrics", "poll-batch-max-time-ms");
            System.out.printf(
                    "[source faults] after latency, resets and late closes: converged %.1f s after; slowest poll %d ms;"
                            + " %d credits for %d versions (%d requests retried); %d videos retracted%n",
                    (System.nanoTime() - healed) / 1e9,
                    slowestPoll,
                    h.simulator.creditsCharged(),
                    h.simulator.versionsCompleted(),
                    (long) sumOverTasks(h, "retries-total"),
                    (long) sumOverTasks(h, "videos-retracted-total"));
            assertEquals(0, sumOverTasks(h, "videos-retracted-total"), "nothing retracted");
            assertTrue(slowestPoll < 3_000, "the slowest poll took " + slowestPoll + " ms");
            long retried = (long) sumOverTasks(h, "retries-total");
            long charged = h.simulator.creditsCharged();
            int versions = h.simulator.versionsCompleted();
            assertTrue(
                    charged >= versions && charged <= versions + retried,
                    charged + " credits for " + versions + " versions and " + retried + " requests retried");
        }
    }

    /** Waits this long; when within it a request to the platform was first retried, since the call, or null. */
    private static Duration watch(SourceHarness h, Duration howLong) throws InterruptedException {
        double before = sumOverTasks(h, "retries-total");
        long start = System.nanoTime();
        Duration detected = null;
        while (System.nanoTime() - start < howLong.toNanos()) {
            if (detected == null && sumOverTasks(h, "retries-total") > before) {
                detected = Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(100);
        }
        return detected;
    }

    private static String millis(Duration detected) {
        return detected == null ? "-" : Long.toString(detected.toMillis());
    }

    private static FaultProxy proxyTo(PlatformSimulator simulator, String name) {
        URI platform = URI.create(simulator.baseUrl());
        return FaultProxy.start(name, platform.getHost(), platform.getPort());
    }

    private static Map<String, String> config(SourceHarness h, FaultProxy platform) {
        Map<String, String> config = h.config(TASKS);
        config.put(PlatformSourceConfig.BASE_URL, "http://" + platform.host() + ":" + platform.port());
        config.put(PlatformSourceConfig.REQUEST_TIMEOUT_MS, Long.toString(REQUEST_TIMEOUT_MS));
        config.put(PlatformSourceConfig.CONNECT_TIMEOUT_MS, "1000");
        config.put(PlatformSourceConfig.FETCH_CONCURRENCY, Integer.toString(FETCH_CONCURRENCY));
        return config;
    }

    private static void assertEveryTaskRunning(SourceHarness h, String when) {
        ConnectorStateInfo status = h.connect.connectorStatus(h.name);
        assertEquals(TASKS, status.tasks().size());
        status.tasks()
                .forEach(task ->
                        assertEquals("RUNNING", task.state(), "task " + task.id() + " " + when + ": " + task.trace()));
    }

    private static double sumOverTasks(SourceHarness h, String attribute) {
        return JmxMetrics.sum("kafka.connect:type=plugins,connector=" + h.name + ",*", attribute);
    }

    private static double maxOverTasks(SourceHarness h, String type, String attribute) {
        double max = 0;
        for (int task = 0; task < TASKS; task++) {
            max = Math.max(
                    max,
                    JmxMetrics.sum("kafka.connect:type=" + type + ",connector=" + h.name + ",task=" + task, attribute));
        }
        return max;
    }
}
