/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.vecsync.core.SegmentIds;
import io.vecsync.embedded.ConnectorConfigs;
import io.vecsync.qdrant.fake.FakeQdrant;
import io.vecsync.testing.ConnectClusters;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.SinkOffsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An incremental cooperative rebalance through a real worker while the store is down: the sink keeps one of its two
 * partitions and gives the other to a new member of its consumer group. At every moment the committed offset of each
 * partition must be covered by records in the store, and every record must land once the store is back.
 */
@Tag("slow")
class QdrantCooperativeRebalanceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String TOPIC = "cooperative";
    private static final String CONNECTOR = "cooperative-sink";
    private static final String COLLECTION = "cooperative";
    private static final String VIDEO = "a249266f-052d-4148-bc2f-3efa76dc4269";

    private EmbeddedConnectCluster connect;
    private FakeQdrant qdrant;
    private final Map<TopicPartition, Integer> produced = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        qdrant = FakeQdrant.start();
        connect = ConnectClusters.start(
                "cooperative",
                1,
                Map.of("consumer.partition.assignment.strategy", CooperativeStickyAssignor.class.getName()));
    }

    @AfterEach
    void stop() {
        connect.stop();
        qdrant.close();
    }

    @Test
    void noOffsetIsCommittedPastARecordNotWrittenWhenARebalanceKeepsSomePartitions() throws Exception {
        connect.kafka().createTopic(TOPIC, 2);
        TopicPartition first = new TopicPartition(TOPIC, 0);
        TopicPartition second = new TopicPartition(TOPIC, 1);
        Map<String, String> config = new LinkedHashMap<>(ConnectorConfigs.jsonConverters());
        config.put("connector.class", QdrantSinkConnector.class.getName());
        config.put("topics", TOPIC);
        config.put("tasks.max", "1");
        config.put("embedding.dimension", "4");
        config.put("retry.max", "1");
        config.put("retry.backoff.ms", "10");
        config.put("retry.backoff.max.ms", "50");
        config.put("flush.timeout.ms", "2000");
        config.put(QdrantSinkConfig.HOST, qdrant.host());
        config.put(QdrantSinkConfig.PORT, Integer.toString(qdrant.port()));
        config.put(QdrantSinkConfig.COLLECTION, COLLECTION);
        produce(first, 10);
        produce(second, 10);
        connect.configureConnector(CONNECTOR, config);
        awaitLanded("the first records", Map.of(first, 10, second, 10));

        qdrant.failAlways(Status.Code.UNAVAILABLE);
        produce(first, 10);
        produce(second, 10);
        AtomicBoolean leave = new AtomicBoolean();
        AtomicReference<Set<TopicPartition>> taken = new AtomicReference<>(Set.of());
        Thread member = new Thread(() -> joinTheSinksGroup(leave, taken), "another-group-member");
        member.start();
        Eventually.await(
                TIMEOUT,
                "the new member to take one partition",
                () -> taken.get().size() == 1,
                () -> taken.get().toString());
        TopicPartition kept = taken.get().contains(first) ? second : first;
        produce(kept, 5);
        Thread.sleep(2_000);
        assertCommittedOffsetsAreWritten();

        qdrant.clearFailures();
        awaitLanded("the kept partition's records", Map.of(kept, produced.get(kept)));
        leave.set(true);
        member.join();
        awaitLanded("every record", produced);
        assertEquals(
                "RUNNING", connect.connectorStatus(CONNECTOR).tasks().get(0).state());
    }

    /** A consumer of the sink's own group, on the cooperative assignor, committing nothing, until told to leave. */
    private void joinTheSinksGroup(AtomicBoolean leave, AtomicReference<Set<TopicPartition>> taken) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                "connect-" + CONNECTOR,
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false");
        try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(props, TOPIC)) {
            while (!leave.get()) {
                consumer.poll(Duration.ofMillis(100));
                taken.set(Set.copyOf(consumer.assignment()));
            }
        }
    }

    private void produce(TopicPartition partition, int records) {
        int from = produced.getOrDefault(partition, 0);
        for (int offset = from; offset < from + records; offset++) {
            String id = id(partition, offset);
            connect.kafka()
                    .produce(
                            TOPIC,
                            partition.partition(),
                            id,
                            "{\"id\":\"" + id + "\",\"video_id\":\"" + VIDEO + "\",\"embedding\":[1.0,0.5,"
                                    + partition.partition() + ".0," + offset + ".0]}");
        }
        produced.put(partition, from + records);
    }

    private static String id(TopicPartition partition, int offset) {
        return SegmentIds.documented(VIDEO, "p" + partition.partition(), "o" + offset)
                .toString();
    }

    /** Waits until the records up to these offsets are stored and committed, checking the commits against the store meanwhile. */
    private void awaitLanded(String what, Map<TopicPartition, Integer> ends) {
        Eventually.await(
                TIMEOUT,
                what + " written and committed",
                () -> {
                    assertCommittedOffsetsAreWritten();
                    Set<String> stored = qdrant.points(COLLECTION).keySet();
                    return ends.entrySet().stream()
                            .allMatch(end -> Long.valueOf(end.getValue())
                                            .equals(committed().get(end.getKey()))
                                    && stored.containsAll(ids(end.getKey(), end.getValue())));
                },
                () -> committed() + ", " + qdrant.points(COLLECTION).size() + " points");
    }

    /** Every record before a committed offset is in the store: the commits read first, as the store only grows. */
    private void assertCommittedOffsetsAreWritten() {
        Map<TopicPartition, Long> committed = committed();
        Set<String> stored = qdrant.points(COLLECTION).keySet();
        committed.forEach((partition, offset) -> assertTrue(
                stored.containsAll(ids(partition, offset.intValue())),
                "committed " + partition + " up to " + offset + " with records before it not written"));
    }

    private static Set<String> ids(TopicPartition partition, int end) {
        Set<String> ids = new HashSet<>();
        for (int offset = 0; offset < end; offset++) {
            ids.add(id(partition, offset));
        }
        return ids;
    }

    private Map<TopicPartition, Long> committed() {
        return SinkOffsets.committed(connect, CONNECTOR);
    }
}
