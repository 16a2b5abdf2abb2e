/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.e2e;

import io.vecsync.bench.common.BenchTopics;
import io.vecsync.bench.common.ProducerStats;
import io.vecsync.bench.common.Stopwatch;
import io.vecsync.bench.pgvector.PgDatabase;
import io.vecsync.embedded.EmbeddedConnect;
import io.vecsync.simulator.PlatformSimulator;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Runs the shipped source and pgvector sink together, on a topic and table of their own, until the table holds every segment. */
final class E2eRun {

    private static final int PARTITIONS = 3;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    /** How often the table is counted: the resolution of the timings. */
    private static final long COUNT_POLL_MS = 100;
    /** The topic's end offsets count as final once unchanged this long after the source connector is deleted. */
    private static final long STABLE_MS = 2000;

    private final EmbeddedConnect connect;
    private final BenchTopics topics;
    private final PlatformSimulator simulator;
    private final PgDatabase db;
    private final E2eConfigs configs = new E2eConfigs();
    private final int segments;

    E2eRun(EmbeddedConnect connect, BenchTopics topics, PlatformSimulator simulator, PgDatabase db) {
        this.connect = connect;
        this.topics = topics;
        this.simulator = simulator;
        this.db = db;
        this.segments = simulator.liveSegments().size();
    }

    int segments() {
        return segments;
    }

    E2eResult run(E2eVariant variant) throws SQLException, InterruptedException, ExecutionException {
        String topic = "bench-" + variant.name();
        String dlqTopic = topic + ".dlq";
        String sink = variant.name() + "-sink";
        String table = "bench_" + variant.name().replace('-', '_');
        // As a deployment prepares them: a compacted segment topic, and the dead-letter topic, which the worker would
        // otherwise create with the shipped replication factor of 3 on this one-broker cluster.
        topics.create(topic, PARTITIONS, Map.of("cleanup.policy", "compact"));
        topics.create(dlqTopic, 1, Map.of());
        db.drop(table);
        Stopwatch stopwatch = Stopwatch.start();
        connect.configureConnector(sink, configs.sink(sink, topic, dlqTopic, db.url(), table));
        connect.configureConnector(variant.name(), configs.source(simulator, variant, topic));
        long count;
        while ((count = db.count(table)) < segments) {
            if (stopwatch.seconds() > TIMEOUT.toSeconds()) {
                throw new IllegalStateException(variant.name() + ": " + count + " of " + segments + " rows after "
                        + TIMEOUT.toMinutes() + " min");
            }
            Thread.sleep(COUNT_POLL_MS);
        }
        double seconds = stopwatch.seconds();
        // Read before the connector is deleted, while its producer's metrics exist.
        ProducerStats producer = ProducerStats.of(variant.name());
        connect.deleteConnector(variant.name());
        long records = finalEndOffsets(topic);
        long logBytes = topics.logBytes(topic);
        connect.deleteConnector(sink);
        if (count != segments || topics.endOffsets(dlqTopic, 1) != 0) {
            throw new IllegalStateException(variant.name() + ": " + count + " rows for " + segments + " segments, "
                    + topics.endOffsets(dlqTopic, 1) + " records dead-lettered");
        }
        db.drop(table);
        // Nothing reads them again, and a run's topics add up to hundreds of megabytes of broker log.
        connect.kafka().deleteTopic(topic);
        connect.kafka().deleteTopic(dlqTopic);
        return new E2eResult(variant, segments, seconds, logBytes, records, producer);
    }

    /** The end offsets once the stopped source's last sends (offset-carrying tombstones among them) have landed. */
    private long finalEndOffsets(String topic) throws InterruptedException, ExecutionException {
        long last = -1;
        long now;
        while ((now = topics.endOffsets(topic, PARTITIONS)) != last) {
            last = now;
            Thread.sleep(STABLE_MS);
        }
        return now;
    }
}
