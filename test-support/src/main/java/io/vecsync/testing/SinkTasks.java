/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * Drives a sink task, its partitions open, in the order Connect's WorkerSinkTask calls it, with an offset commit after
 * every poll: put() with the polled records, preCommit() with the offsets delivered, put() with the next poll's
 * records (none here), and so on until the task has committed every record.
 *
 * <p>As the worker does: a RetriableException from put() delivers the same records again; any other exception from
 * put() fails the task, and is thrown; an exception from preCommit() rewinds to the last committed offsets and
 * delivers the records after them again; offsets left out of preCommit()'s answer are not committed.
 */
public final class SinkTasks {

    /** The worker redelivers forever; a test has seen enough once put() has handed the records back this often. */
    private static final int REDELIVERIES = 3;
    /** A task that neither commits nor fails meanwhile is stuck: the worker would wait forever. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private SinkTasks() {}

    /**
     * Delivers the records and returns once their offsets are committed and the put() after that commit returned.
     *
     * @return the RetriableExceptions put() handed back meanwhile, each followed by a redelivery, as the worker logs them
     * @throws org.apache.kafka.connect.errors.ConnectException what put() threw to fail the task
     * @throws RetriableException what put() threw the last time it handed the records back, when it did so
     *     {@value #REDELIVERIES} times without committing them
     * @throws AssertionError when the task committed them neither within a minute nor failed
     */
    public static List<RetriableException> write(SinkTask task, Collection<SinkRecord> records) {
        Map<TopicPartition, OffsetAndMetadata> end = offsetsAfter(records);
        Map<TopicPartition, OffsetAndMetadata> delivered = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        List<SinkRecord> batch = List.copyOf(records);
        boolean allCommitted = false;
        List<RetriableException> handedBack = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                task.put(batch);
                delivered.putAll(offsetsAfter(batch));
                batch = List.of();
                if (allCommitted) {
                    return handedBack;
                }
            } catch (RetriableException redeliver) {
                handedBack.add(redeliver);
                if (handedBack.size() == REDELIVERIES) {
                    throw redeliver;
                }
            }
            try {
                committed.putAll(task.preCommit(new HashMap<>(delivered)));
            } catch (RuntimeException rewind) {
                delivered.clear();
                delivered.putAll(committed);
                batch = after(records, committed);
            }
            allCommitted = committed.equals(end);
            if (!allCommitted && System.nanoTime() > deadline) {
                throw new AssertionError("in " + PATIENCE.toSeconds() + " s the task committed " + committed + " of "
                        + end + ", and failed neither");
            }
        }
    }

    /** Per partition, the offset after its last record: what the worker commits once the records are written. */
    private static Map<TopicPartition, OffsetAndMetadata> offsetsAfter(Collection<SinkRecord> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (SinkRecord record : records) {
            offsets.merge(
                    new TopicPartition(record.topic(), record.kafkaPartition()),
                    new OffsetAndMetadata(record.kafkaOffset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    /** The records at or after their partition's committed offset: what a rewound consumer reads again. */
    private static List<SinkRecord> after(
            Collection<SinkRecord> records, Map<TopicPartition, OffsetAndMetadata> committed) {
        List<SinkRecord> again = new ArrayList<>();
        for (SinkRecord record : records) {
            OffsetAndMetadata from = committed.get(new TopicPartition(record.topic(), record.kafkaPartition()));
            if (from == null || record.kafkaOffset() >= from.offset()) {
                again.add(record);
            }
        }
        return again;
    }
}
