/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.testing.ConnectClusters;
import java.util.Map;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The source on a worker with exactly-once source support: each poll's records and offsets in one transaction. */
@Tag("slow")
class SourceExactlyOnceIT {

    private static EmbeddedConnectCluster connect;
    private static PlatformSimulator simulator;

    @BeforeAll
    static void start() {
        connect = ConnectClusters.start("source-eos", 1, Map.of("exactly.once.source.support", "enabled"));
        simulator = PlatformSimulator.builder()
                .seed(51)
                .videos(25)
                .segmentsPerVideo(2, 6)
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        connect.stop();
        simulator.close();
    }

    @Test
    void syncsTransactionallyAndARestartSpendsNoCredit() throws Exception {
        SourceHarness h = new SourceHarness(connect, simulator, "eos");
        Map<String, String> config = h.config(2);
        config.put("exactly.once.support", "required");
        h.start(config);
        h.awaitTruth("the transactional sync");
        h.awaitReconciliations(1);
        assertEquals(25, simulator.embeddingsCalls());

        connect.restartConnectorAndTasks(h.name, false, true, false);
        h.awaitReconciliations(2);
        assertEquals(25, simulator.embeddingsCalls(), "committed transactions carried every video's state");
        h.awaitTruth("the truth after the restart");
    }
}
