/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.junit.jupiter.api.Test;

/** The driver calls a task as Connect's WorkerSinkTask does, and answers its exceptions as the worker does. */
class SinkTasksTest {

    private static final TopicPartition PARTITION = new TopicPartition(SegmentRecords.TOPIC, 0);

    /** Records each call as "put [offsets]" or "preCommit offset"; the test scripts what each call does. */
    private static final class ScriptedTask extends SinkTask {
        final List<String> calls = new ArrayList<>();
        final List<RuntimeException> putFailures = new ArrayList<>();
        Function<Map<TopicPartition, OffsetAndMetadata>, Map<TopicPartition, OffsetAndMetadata>> commit =
                offsets -> offsets;

        @Override
        public void put(Collection<SinkRecord> records) {
            calls.add("put " + records.stream().map(SinkRecord::kafkaOffset).toList());
            if (!putFailures.isEmpty()) {
                throw putFailures.remove(0);
            }
        }

        @Override
        public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
            OffsetAndMetadata offset = offsets.get(PARTITION);
            calls.add("preCommit " + (offset == null ? "none" : offset.offset()));
            return commit.apply(offsets);
        }

        @Override
        public String version() {
            return "test";
        }

        @Override
        public void start(Map<String, String> props) {}

        @Override
        public void stop() {}
    }

    private final SegmentRecords records = new SegmentRecords();

    @Test
    void theRecordsArePutThenTheirOffsetsCommittedThenTheNextPollsRecordsPut() {
        ScriptedTask task = new ScriptedTask();
        assertEquals(List.of(), SinkTasks.write(task, records.records(0, 2)));
        assertEquals(List.of("put [0, 1]", "preCommit 2", "put []"), task.calls);
    }

    @Test
    void aRetriableExceptionFromPutDeliversTheSameRecordsAgain() {
        ScriptedTask task = new ScriptedTask();
        RetriableException busy = new RetriableException("busy");
        task.putFailures.add(busy);
        assertEquals(List.of(busy), SinkTasks.write(task, records.records(0, 2)));
        assertEquals(
                List.of("put [0, 1]", "preCommit none", "put [0, 1]", "preCommit 2", "put []"),
                task.calls,
                "offsets are only those of records a put() took");
    }

    @Test
    void aRetriableExceptionThatLastsIsThrownAfterThreeDeliveries() {
        ScriptedTask task = new ScriptedTask();
        for (int i = 0; i < 3; i++) {
            task.putFailures.add(new RetriableException("down " + i));
        }
        assertEquals(
                "down 2",
                assertThrows(RetriableException.class, () -> SinkTasks.write(task, records.records(0, 1)))
                        .getMessage());
    }

    @Test
    void anyOtherExceptionFromPutFailsTheTaskAndIsThrown() {
        ScriptedTask task = new ScriptedTask();
        ConnectException refused = new ConnectException("record segments-0@0: refused");
        task.commit = offsets -> {
            task.putFailures.add(refused);
            return Map.of();
        };
        assertSame(refused, assertThrows(ConnectException.class, () -> SinkTasks.write(task, records.records(0, 1))));
        assertEquals(List.of("put [0]", "preCommit 1", "put []"), task.calls, "a commit of nothing, then the failure");
    }

    @Test
    void anExceptionFromPreCommitRewindsToTheLastCommittedOffsetAndDeliversTheRecordsAfterIt() {
        ScriptedTask task = new ScriptedTask();
        // Commits the first record, throws at the second commit, then commits all.
        List<Map<TopicPartition, OffsetAndMetadata>> answers = new ArrayList<>(
                List.of(Map.of(PARTITION, new OffsetAndMetadata(1)), Map.of(PARTITION, new OffsetAndMetadata(3))));
        task.commit = offsets -> {
            if (task.calls.stream().filter(call -> call.startsWith("preCommit")).count() == 2) {
                throw new ConnectException("flush failed");
            }
            return answers.remove(0);
        };
        SinkTasks.write(task, records.records(0, 3));
        assertEquals(
                List.of("put [0, 1, 2]", "preCommit 3", "put []", "preCommit 3", "put [1, 2]", "preCommit 3", "put []"),
                task.calls);
    }
}
