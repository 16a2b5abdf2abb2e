/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.embedded.ConnectorConfigs;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.junit.jupiter.api.Test;

/**
 * The pipeline suite, and a point the store refuses at write time in the same real Connect cluster: with
 * errors.tolerance=none the task fails naming the record and the store's reason, and commits nothing past it; with
 * all, the record is in the dead-letter queue and every other record in the store, and the offsets advance. Each store
 * module whose store refuses points at write time extends this instead of {@link SinkPipelineSuite}.
 */
public abstract class SinkRefusalSuite extends SinkPipelineSuite {

    /** The field of the record the store is made to refuse. */
    protected static final String POISON = "poison";

    private static final int RECORDS = 5;
    private static final int REFUSED = 2;

    /**
     * Empties the store's target, to be written with vectors of 4 dimensions, ready to refuse at write time the point
     * {@link #poison} spoils: a fake is told here to refuse every point whose payload has {@link #POISON}; a real store
     * refuses the value {@link #poison} puts there by itself.
     *
     * @return a part of the reason the store gives
     */
    protected abstract String refusePoisonedPoints();

    /** Gives the segment at offset {@link #REFUSED} what the store refuses: by default a {@link #POISON} field. */
    protected void poison(SegmentRecords.Segment segment) {
        segment.with(POISON, "x");
    }

    /** Empties the store's target and lets it take every point again, for the suite's other tests. */
    protected abstract void stopRefusing();

    @Test
    void withoutToleranceARefusedPointFailsTheTaskNamingItsRecordAndCommitsNothingPastIt() {
        assertARefusedPointFailsTheTask("refused-none", Map.of());
    }

    /**
     * Runs a connector without tolerance on a topic with a point the store refuses, and asserts the task fails naming
     * the record and the store's reason, having committed nothing past it.
     *
     * @param overrides sink settings to use instead of {@link #sinkConfig()}'s
     */
    protected void assertARefusedPointFailsTheTask(String topic, Map<String, String> overrides) {
        String reason = refusePoisonedPoints();
        String connector = topic + "-sink";
        produce(topic);
        Map<String, String> config = config(topic, Map.of());
        config.putAll(overrides);
        connect.configureConnector(connector, config);

        Eventually.await(
                TIMEOUT, "the task to fail", () -> "FAILED".equals(stateOf(connector)), () -> stateOf(connector));
        String trace = taskState(connector).trace();
        assertTrue(
                trace.contains("record " + topic + "-0@" + REFUSED + ": the store refused point " + id(REFUSED))
                        && trace.contains(reason),
                trace);
        Long committed = committed(connector, new TopicPartition(topic, 0));
        assertTrue(committed == null || committed <= REFUSED, "committed up to " + committed);
        connect.deleteConnector(connector);
        stopRefusing();
    }

    @Test
    void withToleranceARefusedPointGoesToTheDeadLetterQueueAndEveryOtherRecordLands() {
        String reason = refusePoisonedPoints();
        String topic = "refused-all";
        produce(topic);
        connect.configureConnector(
                "refusals-all",
                config(
                        topic,
                        Map.of(
                                "errors.tolerance",
                                "all",
                                "errors.deadletterqueue.topic.name",
                                topic + "-dlq",
                                "errors.deadletterqueue.topic.replication.factor",
                                "1",
                                "errors.deadletterqueue.context.headers.enable",
                                "true")));

        Set<String> others = new HashSet<>();
        for (int i = 0; i < RECORDS; i++) {
            if (i != REFUSED) {
                others.add(id(i));
            }
        }
        Eventually.await(
                TIMEOUT,
                "every other record in the store",
                () -> storedIds().containsAll(others),
                () -> storedIds().toString());
        Eventually.await(
                TIMEOUT,
                "the offsets to advance past every record",
                () -> Long.valueOf(RECORDS).equals(committed("refusals-all", new TopicPartition(topic, 0))),
                () -> String.valueOf(committed("refusals-all", new TopicPartition(topic, 0))));
        assertEquals(others, storedIds());
        ConsumerRecords<byte[], byte[]> dlq = connect.kafka().consume(1, TIMEOUT.toMillis(), topic + "-dlq");
        ConsumerRecord<byte[], byte[]> dead = dlq.iterator().next();
        assertEquals(id(REFUSED), new String(dead.key(), StandardCharsets.UTF_8));
        Header message = dead.headers().lastHeader("__connect.errors.exception.message");
        String text = new String(message.value(), StandardCharsets.UTF_8);
        assertTrue(
                text.startsWith("record " + topic + "-0@" + REFUSED + ": the store refused point " + id(REFUSED))
                        && text.contains(reason),
                text);
        assertEquals("RUNNING", stateOf("refusals-all"));
        connect.deleteConnector("refusals-all");
        stopRefusing();
    }

    private Map<String, String> config(String topic, Map<String, String> errors) {
        Map<String, String> config = new LinkedHashMap<>(ConnectorConfigs.jsonConverters());
        config.put("topics", topic);
        config.put("tasks.max", "1");
        config.put("embedding.dimension", "4");
        config.put("retry.backoff.ms", "10");
        config.put("retry.backoff.max.ms", "50");
        config.putAll(errors);
        config.putAll(sinkConfig());
        return config;
    }

    /** Schemaless segments on one partition; the one at offset {@link #REFUSED} carries what the store refuses. */
    private void produce(String topic) {
        connect.kafka().createTopic(topic, 1);
        SegmentRecords records = new SegmentRecords();
        for (int i = 0; i < RECORDS; i++) {
            SegmentRecords.Segment segment = records.segment(i);
            if (i == REFUSED) {
                poison(segment);
            }
            connect.kafka().produce(topic, 0, id(i), segment.json());
        }
    }

    private static String id(int segment) {
        return SegmentRecords.id(segment);
    }

    /** The state of the connector's task, or null before it has one. */
    private ConnectorStateInfo.TaskState taskState(String connector) {
        try {
            List<ConnectorStateInfo.TaskState> tasks =
                    connect.connectorStatus(connector).tasks();
            return tasks.isEmpty() ? null : tasks.get(0);
        } catch (ConnectRestException notYet) {
            return null;
        }
    }

    private String stateOf(String connector) {
        ConnectorStateInfo.TaskState task = taskState(connector);
        return task == null ? "none yet" : task.state();
    }

    private Long committed(String connector, TopicPartition partition) {
        return SinkOffsets.committed(connect, connector).get(partition);
    }
}
