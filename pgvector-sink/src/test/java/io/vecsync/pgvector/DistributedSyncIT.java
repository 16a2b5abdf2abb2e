/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.SegmentIds;
import io.vecsync.embedded.ConnectorConfigs;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.source.PlatformSourceConfig;
import io.vecsync.testing.ConnectClusters;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.PostgresServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Kafka Connect's distributed mode is vecsync's scale-out engine: on three workers, with two source and three sink
 * tasks, a worker stopped mid-sync costs neither rows nor more than the in-flight videos' credits again.
 */
@Tag("slow")
class DistributedSyncIT {

    private static final String TOPIC = "distributed-segments";
    private static final String TABLE = "distributed_segments";

    @Test
    void aWorkerLostMidSyncLeavesTheTableEqualToThePlatform() throws Exception {
        PgTestDatabase.execute("DROP TABLE IF EXISTS " + TABLE);
        EmbeddedConnectCluster connect = ConnectClusters.start("distributed", 3);
        try (PlatformSimulator simulator = PlatformSimulator.builder()
                .seed(51)
                .videos(60)
                .segmentsPerVideo(3, 6)
                .build()
                .start()) {
            // Slow enough that the stop lands mid-sync.
            simulator.latency(Duration.ofMillis(40));
            connect.kafka().createTopic(TOPIC, 3, 1, Map.of("cleanup.policy", "compact"));
            Map<String, String> source = new LinkedHashMap<>(
                    ConnectorConfigs.platformSource(simulator.baseUrl(), simulator.apiKey(), TOPIC));
            source.put("tasks.max", "2");
            source.put(PlatformSourceConfig.POLL_INTERVAL_MS, "500");
            source.put(PlatformSourceConfig.FETCH_CONCURRENCY, "1");
            Map<String, String> sink = new LinkedHashMap<>(ConnectorConfigs.jsonConverters());
            sink.put("connector.class", PgVectorSinkConnector.class.getName());
            sink.put("tasks.max", "3");
            sink.put("topics", TOPIC);
            sink.put(PgVectorSinkConfig.URL, PostgresServer.jdbcUrl());
            sink.put(PgVectorSinkConfig.TABLE, TABLE);
            connect.configureConnector("distributed-source", source);
            connect.configureConnector("distributed-sink", sink);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("distributed-source", 2, "source tasks");
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("distributed-sink", 3, "sink tasks");

            int total = simulator.videoIds().size();
            Eventually.await(
                    Duration.ofSeconds(60),
                    "a third of the videos fetched",
                    () -> simulator.embeddingsCalls() >= total / 3);
            WorkerHandle victim = connect.workers().stream()
                    .filter(w -> connect.connectorStatus("distributed-source").tasks().stream()
                            .anyMatch(t -> t.workerId()
                                    .equals(w.url().getHost() + ":" + w.url().getPort())))
                    .findFirst()
                    .orElseThrow();
            connect.removeWorker(victim);
            int callsAtStop = simulator.embeddingsCalls();

            Set<String> truth = simulator.liveSegments().stream()
                    .map(s -> SegmentIds.documented(s.videoId(), s.start(), s.end())
                            .toString())
                    .collect(Collectors.toSet());
            Eventually.await(
                    Duration.ofSeconds(180),
                    "the table to equal the platform after the worker loss",
                    () -> PgTestDatabase.readAll(TABLE).keySet().equals(truth),
                    () -> PgTestDatabase.count(TABLE) + " rows of " + truth.size());
            assertEquals(truth.size(), PgTestDatabase.count(TABLE), "no extra or stale rows");
            assertTrue(
                    simulator.embeddingsCalls() <= total + 2,
                    "calls " + simulator.embeddingsCalls() + " stay within the versions (" + total
                            + ") plus the videos in flight"
                            + " at the stop (at most one per source task with fetch.concurrency=1); " + callsAtStop
                            + " at the stop");
        } finally {
            connect.stop();
        }
    }
}
