/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/** The offsets a sink connector's consumer group has committed, as its next task would start from them. */
public final class SinkOffsets {

    private SinkOffsets() {}

    /** The committed offset of each partition that has one. */
    public static Map<TopicPartition, Long> committed(EmbeddedConnectCluster connect, String connector) {
        try (Admin admin = connect.kafka().createAdminClient()) {
            Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
            Map<TopicPartition, OffsetAndMetadata> listed = admin.listConsumerGroupOffsets("connect-" + connector)
                    .partitionsToOffsetAndMetadata()
                    .get();
            listed.forEach((partition, offset) -> {
                if (offset != null) {
                    offsets.put(partition, offset.offset());
                }
            });
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }
}
