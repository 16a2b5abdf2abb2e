/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import java.time.Duration;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * Waits on a running source connector's reconciliations (its tasks comparing their synced videos with a complete
 * listing, walked by the task or shared by the one that walks for all), read from its tasks' metrics.
 */
public final class SourceWalks {

    private SourceWalks() {}

    /** Waits until every task has reconciled against at least {@code walks} complete listings begun after the call. */
    public static void await(EmbeddedConnectCluster connect, String connector, int walks, Duration timeout) {
        int tasks = connect.connectorStatus(connector).tasks().size();
        // Up to two listings begun before the call may still be reconciled after it: one shared but not yet read, and
        // the one under way.
        long target = reconciliations(connector) + (long) (walks + 2) * tasks;
        Eventually.await(
                timeout,
                walks + " more reconciliations of " + connector,
                () -> reconciliations(connector) >= target,
                () -> reconciliations(connector) + " reconciliations, waiting for " + target);
    }

    private static long reconciliations(String connector) {
        return (long)
                JmxMetrics.sum("kafka.connect:type=plugins,connector=" + connector + ",*", "reconciliations-total");
    }
}
