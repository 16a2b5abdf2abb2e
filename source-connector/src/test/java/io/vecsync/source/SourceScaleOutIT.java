/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.testing.ConnectClusters;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The source on a two-worker distributed cluster: tasks split the videos, and state follows the shards. */
@Tag("slow")
class SourceScaleOutIT {

    private static EmbeddedConnectCluster connect;
    private static PlatformSimulator simulator;

    @BeforeAll
    static void start() {
        connect = ConnectClusters.start("source-scale-out", 2);
        simulator = PlatformSimulator.builder()
                .seed(11)
                .videos(40)
                .segmentsPerVideo(2, 5)
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        connect.stop();
        simulator.close();
    }

    @Test
    void twoTasksOnTwoWorkersFetchEachVideoOnceAndTasksMaxCanChange() throws Exception {
        SourceHarness h = new SourceHarness(connect, simulator, "scale-out");
        h.start(h.config(2));
        assertEquals(
                2,
                connect.connectorStatus(h.name).tasks().stream()
                        .map(t -> t.workerId())
                        .distinct()
                        .count(),
                "the two tasks run on different workers");

        h.awaitTruth("the sync by two tasks");
        Map<String, Integer> calls = h.callsPerVideo();
        assertTrue(calls.values().stream().allMatch(c -> c == 1), "each video fetched exactly once: " + calls);

        Map<String, String> widened = h.config(3);
        connect.configureConnector(h.name, widened);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(h.name, 3, "three tasks did not start");
        h.awaitReconciliations(4);
        String uploaded = simulator.upload("after rescale", 3, true);
        h.awaitTruth("the truth after tasks.max went from 2 to 3 and a new upload");
        assertEquals(
                41,
                simulator.embeddingsCalls(),
                "re-dealing shards fetched nothing again; only the new video was fetched");
        assertEquals(1, simulator.embeddingsCalls(uploaded));
    }
}
