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
     * Empties the store's target and makes the store refuse, at write time, every point whose payload has
     * {@link #POISON}, as it refuses a value it cannot hold; the target is then written with vectors of 4 dimensions.
     *
     * @return a part of the reason the store gives
     */
    protected abstract String refusePoisonedPoints();

    /** Empties the store's target and lets it take every point again, for the suite's other tests. */
    protected abstract void stopRefusing();

    @Test
    void withoutToleranceARefusedPointFailsTheTaskNamingItsRecordAndCommitsNothingPastIt() {
        String reason = refusePoisonedPoints();
        String topic = "refused-none";
        produce(topic);
        connect.configureConnector("refusals-none", config(topic, Map.of()));

        Eventually.await(
                TIMEOUT,
                "the task to fail",
                () -> "FAILED".equals(stateOf("refusals-none")),
                () -> stateOf("refusals-none"));
        String trace = taskState("refusals-none").trace();
        assertTrue(
                trace.contains("record " + topic + "-0@" + REFUSED + ": the store refused point " + id(REFUSED))
                        && trace.contains(reason),
                trace);
        Long committed = committed("refusals-none", new TopicPartition(topic, 0));
        assertTrue(committed == null || committed <= REFUSED, "committed up to " + committed);
        connect.deleteConnector("refusals-none");
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

    /** Schemaless segments on one partition; the one at offset {@link #REFUSED} carries the field the store refuses. */
    private void produce(String topic) {
        connect.kafka().createTopic(topic, 1);
        SegmentRecords records = new SegmentRecords();
        for (int i = 0; i < RECORDS; i++) {
            SegmentRecords.Segment segment = records.segment(i);
            if (i == REFUSED) {
                segment.with(POISON, "x");
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
