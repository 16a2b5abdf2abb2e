/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import io.vecsync.embedded.EmbeddedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The benchmarks' topics on the in-process broker: created and waited for, their end offsets and log sizes summed, their
 * consumed records deleted.
 */
public final class BenchTopics implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READY_STEP = Duration.ofMillis(50);

    private final EmbeddedKafka kafka;
    private final Admin admin;

    public BenchTopics(EmbeddedKafka kafka) {
        this.kafka = kafka;
        this.admin = kafka.createAdmin();
    }

    /**
     * Creates the topic and waits until every partition's leader serves its offsets: a timing started earlier measures
     * the topic's creation, and a producer sending earlier can have its first batches refused (NOT_LEADER_OR_FOLLOWER)
     * and the retries rejected as out of sequence. The broker's metadata names a leader a moment before it serves.
     */
    public void create(String topic, int partitions, Map<String, String> configs) {
        kafka.createTopic(topic, partitions, configs);
        Await.until("topic " + topic + " serving its offsets", READY_TIMEOUT, READY_STEP, () -> {
            try {
                endOffsets(topic, partitions);
                return true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RetriableException) {
                    return false;
                }
                throw new IllegalStateException("cannot read the offsets of " + topic, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted reading the offsets of " + topic, e);
            }
        });
    }

    /** The partitions' end offsets summed: every record written, tombstones included. */
    public long endOffsets(String topic, int partitions) throws InterruptedException, ExecutionException {
        return ends(topic, partitions).values().stream()
                .mapToLong(ListOffsetsResultInfo::offset)
                .sum();
    }

    private Map<TopicPartition, ListOffsetsResultInfo> ends(String topic, int partitions)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions)
                .mapToObj(partition -> new TopicPartition(topic, partition))
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get();
    }

    /**
     * The bytes of the topic's partition logs on the brokers, summed: what its records take on disk, batch framing and
     * compression included. A log's size counts every record appended, flushed to disk or not yet.
     */
    public long logBytes(String topic) throws InterruptedException, ExecutionException {
        List<Integer> brokers =
                admin.describeCluster().nodes().get().stream().map(Node::id).toList();
        return admin.describeLogDirs(brokers).allDescriptions().get().values().stream()
                .flatMap(dirs -> dirs.values().stream())
                .map(LogDirDescription::replicaInfos)
                .flatMap(replicas -> replicas.entrySet().stream())
                .filter(replica -> replica.getKey().topic().equals(topic))
                .mapToLong(replica -> replica.getValue().size())
                .sum();
    }

    /** Deletes the records before the partitions' ends, so that the segments a consumer is done with free their disk. */
    public void deleteConsumed(String topic, int partitions) {
        try {
            Map<TopicPartition, RecordsToDelete> before = ends(topic, partitions).entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey,
                            end -> RecordsToDelete.beforeOffset(end.getValue().offset())));
            admin.deleteRecords(before).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot delete the consumed records of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted deleting the consumed records of " + topic, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
