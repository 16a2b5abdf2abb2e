/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.isolation.PluginDiscoveryMode;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/** Real Kafka Connect clusters for tests: an in-process KRaft broker and distributed workers. */
public final class ConnectClusters {

    /** The workers' offsets topic, which tests read to check what the source commits. */
    public static final String OFFSETS_TOPIC = "connect-offsets";

    private ConnectClusters() {}

    /**
     * Starts a cluster whose workers find plugins through {@code META-INF/services}, as a production worker with
     * {@code plugin.discovery=service_load} does.
     *
     * @param extraWorkerProps e.g. {@code plugin.path}; may be empty
     */
    public static EmbeddedConnectCluster start(String name, int workers, Map<String, String> extraWorkerProps) {
        Map<String, String> props = new HashMap<>();
        props.put(WorkerConfig.PLUGIN_DISCOVERY_CONFIG, PluginDiscoveryMode.SERVICE_LOAD.toString());
        // Offsets must be committed promptly so restart tests see what was emitted.
        props.put(WorkerConfig.OFFSET_COMMIT_INTERVAL_MS_CONFIG, "1000");
        props.put("scheduled.rebalance.max.delay.ms", "1000");
        props.put("offset.storage.topic", OFFSETS_TOPIC);
        props.putAll(extraWorkerProps);
        // One broker: transactions (exactly-once sources) need their state topic at replication factor 1.
        Properties brokerProps = new Properties();
        brokerProps.put("transaction.state.log.replication.factor", "1");
        brokerProps.put("transaction.state.log.min.isr", "1");
        EmbeddedConnectCluster cluster = new EmbeddedConnectCluster.Builder()
                .name(name)
                .numWorkers(workers)
                .numBrokers(1)
                .workerProps(props)
                .brokerProps(brokerProps)
                .build();
        cluster.start();
        return cluster;
    }

    public static EmbeddedConnectCluster start(String name, int workers) {
        return start(name, workers, Map.of());
    }
}
