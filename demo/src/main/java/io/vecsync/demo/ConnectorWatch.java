/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import io.vecsync.embedded.ConnectRequestException;
import io.vecsync.embedded.ConnectorStatus;
import io.vecsync.embedded.EmbeddedConnect;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.runtime.AbstractStatus;

/** The demo's connectors seen through the worker: whether one failed, and whether the sink has written the whole topic. */
final class ConnectorWatch implements AutoCloseable {

    private static final String FAILED = AbstractStatus.State.FAILED.toString();

    private final EmbeddedConnect connect;
    private final List<String> connectors;
    private final String sink;
    private final List<TopicPartition> partitions;
    private final Admin admin;

    ConnectorWatch(EmbeddedConnect connect, List<String> connectors, String sink, List<TopicPartition> partitions) {
        this.connect = connect;
        this.connectors = connectors;
        this.sink = sink;
        this.partitions = partitions;
        this.admin = connect.kafka().createAdmin();
    }

    /** @throws DemoFailure naming the connector or task that failed, and why */
    void checkRunning() {
        for (String name : connectors) {
            ConnectorStatus status;
            try {
                status = connect.connectorStatus(name);
            } catch (ConnectRequestException e) {
                if (e.status() == 404) {
                    continue; // Not started yet.
                }
                throw e;
            }
            if (FAILED.equals(status.state())) {
                throw DemoFailure.ofTrace("connector " + name + " failed", status.trace());
            }
            for (ConnectorStatus.TaskStatus task : status.tasks()) {
                if (FAILED.equals(task.state())) {
                    throw DemoFailure.ofTrace("connector " + name + ", task " + task.id() + " failed", task.trace());
                }
            }
        }
    }

    /**
     * Whether the sink has committed every record of the topic: a sink commits offsets only after its store has what
     * they cover, so then every search sees the whole sync.
     */
    boolean sinkCaughtUp() throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("connect-" + sink)
                .partitionsToOffsetAndMetadata()
                .get();
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                .all()
                .get();
        return ends.entrySet().stream()
                .allMatch(end -> end.getValue().offset() == 0
                        || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset()
                                        >= end.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close();
    }
}
