/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.SegmentRows;
import io.vecsync.bench.common.SegmentTopic;
import io.vecsync.bench.common.SinkStats;
import io.vecsync.bench.common.SinkTaskMetrics;
import io.vecsync.bench.common.Stopwatch;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.embedded.ConnectorConfigs;
import io.vecsync.embedded.EmbeddedConnect;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** (a) A store's sink connector on a pre-filled topic, from its creation until the store holds every point. */
final class StoreSinkConnectRun {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    /** How often the store is counted: the resolution of the timings. */
    private static final long POLL_MS = 100;

    private final EmbeddedConnect connect;

    StoreSinkConnectRun(EmbeddedConnect connect) {
        this.connect = connect;
    }

    /**
     * Runs the sink into the run's target under a connector named after the store and the run (a reused name would
     * resume from its committed offsets).
     */
    StoreSinkRun run(StoreSinkTarget store, String run, String topic, int points) throws InterruptedException {
        String name = store.name().toLowerCase(Locale.ROOT) + "-" + run;
        Cost.Meter meter = Cost.start(store.server());
        Stopwatch stopwatch = Stopwatch.start();
        connect.configureConnector(name, config(store, run, topic));
        double firstPoint = -1;
        int countAtFirst = 0;
        int count;
        while ((count = store.pointCount(run)) < points) {
            if (firstPoint < 0 && count > 0) {
                firstPoint = stopwatch.seconds();
                countAtFirst = count;
            }
            if (stopwatch.seconds() > TIMEOUT.toSeconds()) {
                throw new IllegalStateException(
                        name + ": " + count + " of " + points + " points after " + TIMEOUT.toMinutes() + " min");
            }
            Thread.sleep(POLL_MS);
        }
        Cost cost = meter.stop();
        // Read before the connector is deleted, while its task's metrics exist.
        SinkStats stats = SinkStats.observed(
                firstPoint, countAtFirst, points, cost.seconds(), SinkTaskMetrics.writeTotals(name), -1);
        connect.deleteConnector(name);
        if (count != points) {
            throw new IllegalStateException(name + ": the store holds " + count + " points, expected " + points);
        }
        return new StoreSinkRun(points, cost, Optional.of(stats));
    }

    /** As the pgvector benchmark's Connect variants: one task, polls and batches of {@link SegmentTopic#POLL_RECORDS} records, schemaless JSON. */
    private static Map<String, String> config(StoreSinkTarget store, String run, String topic) {
        Map<String, String> config = new LinkedHashMap<>(ConnectorConfigs.jsonConverters());
        config.put("topics", topic);
        config.put("tasks.max", "1");
        config.put("consumer.override.max.poll.records", Integer.toString(SegmentTopic.POLL_RECORDS));
        config.put(CommonSinkConfig.BATCH_SIZE, Integer.toString(SegmentTopic.POLL_RECORDS));
        config.put(CommonSinkConfig.EMBEDDING_DIMENSION, Integer.toString(SegmentRows.DIMENSION));
        config.putAll(store.sinkConfig(run));
        return config;
    }
}
