/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import io.vecsync.bench.common.BenchTopics;
import io.vecsync.bench.common.CpuClock;
import io.vecsync.bench.common.CpuUse;
import io.vecsync.bench.common.ProducerStats;
import io.vecsync.bench.common.Stopwatch;
import io.vecsync.embedded.ConnectorConfigs;
import io.vecsync.embedded.EmbeddedConnect;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.source.PlatformSourceConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Runs one source connector until its topic holds every live segment of the simulator, measuring it on the way. */
final class SyncRunner implements AutoCloseable {

    private static final int PARTITIONS = 3;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    /** How often the topic's end offsets are read: the resolution of the timings. */
    private static final long OFFSETS_POLL_MS = 50;

    private final EmbeddedConnect connect;
    private final PlatformSimulator simulator;
    private final int segments;
    private final BenchTopics topics;

    SyncRunner(EmbeddedConnect connect, PlatformSimulator simulator) {
        this.connect = connect;
        this.simulator = simulator;
        this.segments = simulator.liveSegments().size();
        this.topics = new BenchTopics(connect.kafka());
    }

    int segments() {
        return segments;
    }

    /**
     * Runs the variant once under a name of its own: a connector reusing a name would resume from that name's
     * committed offsets and find nothing to sync.
     */
    RunResult run(Variant variant, int round) throws InterruptedException, ExecutionException {
        String name = variant.name() + "-" + round;
        String topic = "bench-" + name;
        topics.create(topic, PARTITIONS, Map.of("cleanup.policy", "compact"));
        int callsBefore = simulator.embeddingsCalls();
        CpuClock cpuBefore = CpuClock.read();
        Stopwatch stopwatch = Stopwatch.start();
        connect.configureConnector(name, config(variant, topic));
        double firstRecord = -1;
        long records;
        while ((records = topics.endOffsets(topic, PARTITIONS)) < segments) {
            if (firstRecord < 0 && records > 0) {
                firstRecord = stopwatch.seconds();
            }
            if (stopwatch.seconds() > TIMEOUT.toSeconds()) {
                throw new IllegalStateException(name + ": only " + records + " of " + segments + " segments on " + topic
                        + " after " + TIMEOUT.toMinutes() + " min");
            }
            Thread.sleep(OFFSETS_POLL_MS);
        }
        double seconds = stopwatch.seconds();
        // Read before the connector stops, while its threads and producer metrics still exist.
        CpuUse cpu = CpuClock.read().since(cpuBefore);
        ProducerStats producer = ProducerStats.of(name);
        connect.deleteConnector(name);
        int calls = simulator.embeddingsCalls() - callsBefore;
        RecordSize size = RecordSize.read(connect.kafka().bootstrapServers(), topic);
        // The topics add up to gigabytes of broker log over a benchmark; nothing reads them again.
        connect.kafka().deleteTopic(topic);
        return new RunResult(
                variant,
                segments,
                seconds,
                firstRecord < 0 ? seconds : firstRecord,
                records,
                size,
                calls,
                cpu,
                producer);
    }

    /** What a typical user runs: string keys, schemaless JSON values unless the variant asks for the envelope. */
    private Map<String, String> config(Variant variant, String topic) {
        Map<String, String> config =
                new LinkedHashMap<>(ConnectorConfigs.platformSource(simulator.baseUrl(), simulator.apiKey(), topic));
        config.put(PlatformSourceConfig.POLL_INTERVAL_MS, "1000");
        config.put(PlatformSourceConfig.FETCH_CONCURRENCY, "4");
        config.put(PlatformSourceConfig.VECTOR_ENCODING, variant.encoding());
        config.put("value.converter.schemas.enable", Boolean.toString(variant.schemasEnabled()));
        return config;
    }

    @Override
    public void close() {
        topics.close();
    }
}
