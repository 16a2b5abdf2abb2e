/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.testing.ConnectClusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/** A one-worker Connect cluster for a class of source tests; each test's connectors and simulators go after it. */
abstract class SourceClusterTest {

    static EmbeddedConnectCluster connect;
    private final List<SourceHarness> harnesses = new ArrayList<>();

    @BeforeAll
    static void startCluster(TestInfo testClass) {
        connect = ConnectClusters.start(
                testClass.getTestClass().orElseThrow().getSimpleName().toLowerCase(Locale.ROOT), 1);
    }

    @AfterAll
    static void stopCluster() {
        connect.stop();
    }

    @AfterEach
    void removeConnectorsAndSimulators() {
        for (SourceHarness harness : harnesses) {
            connect.deleteConnector(harness.name);
            harness.simulator.close();
        }
    }

    /** A started simulator and a harness for a connector named after the test. */
    SourceHarness harness(TestInfo test, PlatformSimulator.Builder builder) {
        return harness(test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT), builder);
    }

    SourceHarness harness(String name, PlatformSimulator.Builder builder) {
        SourceHarness harness = new SourceHarness(connect, builder.build().start(), name);
        harnesses.add(harness);
        return harness;
    }
}
