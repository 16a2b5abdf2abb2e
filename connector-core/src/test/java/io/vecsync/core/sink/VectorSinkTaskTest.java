/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The framework's failure handling, against an in-memory store whose failures the test scripts. */
class VectorSinkTaskTest {

    private static final String ID = "ea0b39d2-9327-572d-a218-3ea7d3e9586c";
    private static final String OTHER_ID = "fc6f91a7-f47b-5fe0-8ffc-577897f4b916";
    private static final String THIRD_ID = "0b8d6e5e-4a53-5c9e-9f2c-1f4b6f3e8a11";

    /** A store that fails the next N admin or write calls with the given exception. */
    private static final class ScriptedStore implements VectorStore {
        final List<RuntimeException> adminFailures = new ArrayList<>();
        /** RuntimeExceptions or Errors. */
        final List<Throwable> writeFailures = new ArrayList<>();

        final List<WriteBatch> written = new ArrayList<>();
        /** A batch holding one of these ids is refused whole, as a store answering a 400 for the request does. */
        final Set<String> refusedWhole = new HashSet<>();

        int writeCalls;
        /** Writes wait for it: a store that is slow to answer. */
        volatile CountDownLatch answer = new CountDownLatch(0);
        /** Released as each write begins. */
        final Semaphore writesBegun = new Semaphore(0);

        int adminCalls;

        @Override
        public VectorWriter writer() {
            return new VectorWriter() {
                @Override
                public void write(WriteBatch batch) {
                    writesBegun.release();
                    writeCalls++;
                    try {
                        answer.await();
                    } catch (InterruptedException e) {
                        throw new ConnectException("interrupted", e);
                    }
                    if (batch.ids().stream().anyMatch(refusedWhole::contains)) {
                        throw new RefusedBatchException("400: a point is invalid", null);
                    }
                    if (!writeFailures.isEmpty()) {
                        Throwable failure = writeFailures.remove(0);
                        if (failure instanceof Error error) {
                            throw error;
                        }
                        throw (RuntimeException) failure;
                    }
                    written.add(batch);
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public TargetAdmin admin() {
            return dimension -> {
                adminCalls++;
                if (!adminFailures.isEmpty()) {
                    throw adminFailures.remove(0);
                }
            };
        }

        @Override
        public void close() {}
    }

    private static final class ScriptedTask extends VectorSinkTask {
        final ScriptedStore store;

        ScriptedTask(ScriptedStore store) {
            this.store = store;
        }

        @Override
        protected CommonSinkConfig parseConfig(Map<String, String> props) {
            return new CommonSinkConfig(new ConfigDef(CommonSinkConfig.CONFIG_DEF), props);
        }

        @Override
        protected VectorStore openStore(CommonSinkConfig config) {
            return store;
        }
    }

    private static ScriptedTask start(ScriptedStore store) {
        return start(store, null);
    }

    private static ScriptedTask start(ScriptedStore store, SinkTaskContext context) {
        return start(store, context, Map.of());
    }

    /** @param context Connect's side, or null for none */
    private static ScriptedTask start(ScriptedStore store, SinkTaskContext context, Map<String, String> extraProps) {
        ScriptedTask task = new ScriptedTask(store);
        if (context != null) {
            task.initialize(context);
        }
        Map<String, String> props = new HashMap<>(Map.of(
                CommonSinkConfig.EMBEDDING_DIMENSION,
                "2",
                CommonSinkConfig.RETRY_MAX,
                "2",
                CommonSinkConfig.RETRY_BACKOFF_MS,
                "1",
                CommonSinkConfig.RETRY_BACKOFF_MAX_MS,
                "2"));
        props.putAll(extraProps);
        task.start(props);
        return task;
    }

    private static SinkRecord record() {
        return new SinkRecord("t", 0, Schema.STRING_SCHEMA, ID, null, Map.of("embedding", List.of(1, 0)), 7);
    }

    @Test
    void anUnreachableStoreAtStartIsPreparedBeforeTheFirstWriteInsteadOfFailingTheTask() {
        ScriptedStore store = new ScriptedStore();
        for (int i = 0; i < 3; i++) {
            store.adminFailures.add(new RetriableException("connection refused"));
        }
        ScriptedTask task = assertDoesNotThrow(() -> start(store), "start must not fail for a transient error");
        assertEquals(3, store.adminCalls, "one attempt and two retries");

        assertEquals(offsetsAfter(record()), putAndCommit(task, List.of(record())));
        assertEquals(4, store.adminCalls, "the target is prepared before writing");
        assertEquals(1, store.written.size());
        assertEquals(offsetsAfter(record()), putAndCommit(task, List.of(record())));
        assertEquals(4, store.adminCalls, "and only once");
    }

    @Test
    void aWrongTargetStillFailsAtStart() {
        ScriptedStore store = new ScriptedStore();
        store.adminFailures.add(new ConnectException("collection has dimension 8"));
        assertThrows(ConnectException.class, () -> start(store));
    }

    @Test
    void pointsTheStoreRefusesGoToTheDeadLetterQueueAndTheRestStays() {
        ScriptedStore store = new ScriptedStore();
        RecordingContext context = new RecordingContext();
        ScriptedTask task = start(store, context, Map.of("errors.tolerance", "all"));
        store.writeFailures.add(new RefusedPointsException("1 of 2 refused", Map.of(ID, "text in a number property")));
        SinkRecord refused = record();
        task.put(List.of(refused, record(OTHER_ID, 8)));
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(9));
        assertEquals(offsets, task.preCommit(offsets));
        assertEquals(List.of(refused), context.reported);
        assertEquals(
                "record t-0@7: the store refused point " + ID + ": text in a number property",
                context.reasons.get(0).getMessage());
    }

    @Test
    void withoutToleranceARefusedPointIsCommittedNeverAndFailsTheTaskAtTheNextPut() {
        ScriptedStore store = new ScriptedStore();
        ScriptedTask task = start(store);
        store.writeFailures.add(new RefusedPointsException("refused", Map.of(ID, "bad")));
        task.put(List.of(record()));
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(8));
        assertEquals(
                Map.of(),
                assertDoesNotThrow(() -> task.preCommit(offsets)),
                "an exception from preCommit would make Connect read the record again and refuse it again, forever");
        DataException failure =
                assertThrows(DataException.class, () -> task.put(List.of()), "the next put() fails the task");
        assertEquals("record t-0@7: the store refused point " + ID + ": bad", failure.getMessage());
        assertEquals(Map.of(), task.preCommit(offsets), "and nothing is committed after it");
    }

    @Test
    void aBatchRefusedWholeIsWrittenInHalvesUntilTheRefusedPointStandsAlone() {
        ScriptedStore store = new ScriptedStore();
        RecordingContext context = new RecordingContext();
        ScriptedTask task = start(store, context, Map.of("errors.tolerance", "all"));
        List<SinkRecord> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = String.format("00000000-0000-4000-8000-%012d", i);
            ids.add(id);
            records.add(record(id, 10 + i));
        }
        store.refusedWhole.add(ids.get(5));
        task.put(records);
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(18));
        assertEquals(offsets, task.preCommit(offsets));

        assertEquals(List.of(records.get(5)), context.reported);
        assertEquals(
                "record t-0@15: the store refused point " + ids.get(5) + ": 400: a point is invalid",
                context.reasons.get(0).getMessage());
        Set<String> written = writtenIds(store).stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertEquals(ids.stream().filter(id -> !id.equals(ids.get(5))).collect(Collectors.toSet()), written);
        assertEquals(7, store.writeCalls, "8 points, then halves of 4, 2 and 1 around the refused one: 1 + 2 + 2 + 2");
    }

    /** Connect's side, recording what the task reports (test-support's twin cannot be used here: it depends on this module). */
    private static class RecordingContext implements SinkTaskContext {
        final List<SinkRecord> reported = new ArrayList<>();
        final List<Throwable> reasons = new ArrayList<>();
        final Map<TopicPartition, Long> rewound = new HashMap<>();
        long timeoutMs = -1;

        @Override
        public ErrantRecordReporter errantRecordReporter() {
            return (record, error) -> {
                reported.add(record);
                reasons.add(error);
                return CompletableFuture.completedFuture(null);
            };
        }

        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
            rewound.putAll(offsets);
        }

        @Override
        public void offset(TopicPartition tp, long offset) {}

        @Override
        public void timeout(long timeoutMs) {
            this.timeoutMs = timeoutMs;
        }

        @Override
        public Set<TopicPartition> assignment() {
            return Set.of();
        }

        @Override
        public void pause(TopicPartition... partitions) {}

        @Override
        public void resume(TopicPartition... partitions) {}

        @Override
        public void requestCommit() {}

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }

    @Test
    void transientWriteErrorsAreRetriedThenHandedBackToConnect() {
        ScriptedStore store = new ScriptedStore();
        ScriptedTask task = start(store);
        store.writeFailures.add(new RetriableException("503"));
        assertEquals(offsetsAfter(record()), putAndCommit(task, List.of(record())), "one retry was enough");
        assertEquals(1, store.written.size());

        // A write and its two retries fail as the offsets are to be committed, then again at the next put().
        for (int i = 0; i < 6; i++) {
            store.writeFailures.add(new RetriableException("503"));
        }
        task.put(List.of(record()));
        assertEquals(Map.of(), task.preCommit(offsetsAfter(record())), "nothing is committed while the write fails");
        assertThrows(
                RetriableException.class,
                () -> task.put(List.of()),
                "the write failing again is handed back to Connect, which delivers the put()'s records again");
        assertEquals(1, store.written.size());
        task.put(List.of());
        assertEquals(offsetsAfter(record()), task.preCommit(offsetsAfter(record())), "once the store is back");
        assertEquals(2, store.written.size());

        store.writeFailures.add(new ConnectException("permission denied"));
        ConnectException permanent = assertThrows(ConnectException.class, () -> putAndCommit(task, List.of(record())));
        assertEquals("permission denied", permanent.getMessage());
    }

    @Test
    @Timeout(30)
    void aStoreFailingUnexpectedlyFailsTheTaskInsteadOfLeavingItWaiting() {
        ScriptedStore store = new ScriptedStore();
        ScriptedTask task = start(store);
        store.writeFailures.add(new IllegalStateException("driver bug"));
        ConnectException failure = assertThrows(ConnectException.class, () -> putAndCommit(task, List.of(record())));
        assertEquals("writing to the store failed: java.lang.IllegalStateException: driver bug", failure.getMessage());

        ScriptedTask other = start(store);
        store.writeFailures.add(new AssertionError("protocol state"));
        failure = assertThrows(ConnectException.class, () -> putAndCommit(other, List.of(record())));
        assertEquals("writing to the store failed: java.lang.AssertionError: protocol state", failure.getMessage());
    }

    @Test
    void recordsThatComeWhileAWriteRunsGoTogetherIntoTheNextWrite() throws Exception {
        ScriptedStore store = new ScriptedStore();
        ScriptedTask task = start(store);
        store.answer = new CountDownLatch(1);
        task.put(List.of(record()));
        assertEquals(List.of(), store.written, "put() returned before the store answered");
        awaitWriteBegun(store);

        task.put(List.of(record(OTHER_ID, 8)));
        task.put(List.of(record(THIRD_ID, 9)));
        assertEquals(List.of(), store.written, "later puts do not wait for the write in flight");
        store.answer.countDown();
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(10));
        assertEquals(offsets, task.preCommit(offsets));
        assertEquals(
                List.of(Set.of(ID), Set.of(OTHER_ID, THIRD_ID)),
                writtenIds(store),
                "in Kafka order, the two waiting in one batch");
    }

    @Test
    void aPutWaitsWhileTwoBatchesAreAlreadyWaiting() throws Exception {
        ScriptedStore store = new ScriptedStore();
        Map<String, String> props =
                new HashMap<>(Map.of(CommonSinkConfig.EMBEDDING_DIMENSION, "2", CommonSinkConfig.BATCH_SIZE, "2"));
        ScriptedTask task = new ScriptedTask(store);
        task.start(props);
        store.answer = new CountDownLatch(1);
        task.put(List.of(record()));
        awaitWriteBegun(store);
        task.put(List.of(record(OTHER_ID, 8), record(THIRD_ID, 9), record(OTHER_ID, 10), record(THIRD_ID, 11)));

        CompletableFuture<Void> fifth = CompletableFuture.runAsync(() -> task.put(List.of(record(ID, 12))));
        Thread.sleep(100);
        assertFalse(fifth.isDone(), "a put() beyond two waiting batches waits for the writer");
        store.answer.countDown();
        fifth.get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(13));
        assertEquals(offsets, task.preCommit(offsets));
        assertEquals(
                List.of(Set.of(ID), Set.of(OTHER_ID, THIRD_ID), Set.of(OTHER_ID, THIRD_ID), Set.of(ID)),
                writtenIds(store),
                "batches of batch.size=2 in Kafka order");
    }

    @Test
    void offsetsAreCommittedOnlyOnceTheirRecordsAreWritten() {
        ScriptedStore store = new ScriptedStore();
        ScriptedTask task = start(store);
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(8));
        failNextWrites(store, 3);
        task.put(List.of(record()));
        assertEquals(Map.of(), task.preCommit(offsets), "nothing is committed while the write fails");

        task.put(List.of(record(OTHER_ID, 8)));
        assertEquals(offsets, task.preCommit(offsets));
        assertEquals(List.of(Set.of(ID), Set.of(OTHER_ID)), writtenIds(store), "the failed write is done again first");
    }

    @Test
    void revokedPartitionsWaitForTheirWritesAndFailingOnesAreDroppedWhileTheKeptOnesStayQueued() {
        ScriptedStore store = new ScriptedStore();
        RecordingContext context = new RecordingContext();
        ScriptedTask task = start(store, context);
        task.put(List.of(record()));
        task.close(List.of(new TopicPartition("t", 0)));
        assertEquals(1, store.written.size(), "written before the partition moves on");

        failNextWrites(store, 3);
        SinkRecord kept =
                new SinkRecord("t", 1, Schema.STRING_SCHEMA, ID, null, Map.of("embedding", List.of(1, 0)), 20);
        task.put(List.of(record(OTHER_ID, 8), kept));
        assertDoesNotThrow(
                () -> task.close(List.of(new TopicPartition("t", 0))), "an outage during a rebalance fails no task");
        assertEquals(
                Map.of(),
                context.rewound,
                "no rewind: Connect may deliver and commit the kept partition's later records first");

        // An incremental cooperative rebalance keeps partition t-1: its later records come while the store is still
        // down.
        failNextWrites(store, 6);
        SinkRecord later =
                new SinkRecord("t", 1, Schema.STRING_SCHEMA, THIRD_ID, null, Map.of("embedding", List.of(0, 1)), 21);
        assertThrows(RetriableException.class, () -> task.put(List.of(later)), "the failed write is tried again first");
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition("t", 1), new OffsetAndMetadata(21));
        assertEquals(Map.of(), task.preCommit(offsets), "nothing past the unwritten record 20 is committed");

        task.put(List.of(later));
        Map<TopicPartition, OffsetAndMetadata> all = Map.of(new TopicPartition("t", 1), new OffsetAndMetadata(22));
        assertEquals(all, task.preCommit(all));
        assertEquals(
                List.of(Set.of(ID), Set.of(ID), Set.of(THIRD_ID)),
                writtenIds(store),
                "the kept partition's record 20 is written before 21; the revoked partition's record 8 is left to its next owner");
    }

    @Test
    @Timeout(60)
    void aWriteThatNeverEndsHoldsNoWaitLongerThanTheFlushTimeout() throws Exception {
        ScriptedStore store = new ScriptedStore();
        store.answer = new CountDownLatch(1);
        RecordingContext context = new RecordingContext();
        ScriptedTask task = start(
                store, context, Map.of(CommonSinkConfig.FLUSH_TIMEOUT_MS, "200", CommonSinkConfig.BATCH_SIZE, "1"));
        task.put(List.of(record()));
        awaitWriteBegun(store);
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(8));
        assertEquals(Map.of(), task.preCommit(offsets), "nothing is committed while the write hangs");

        task.put(List.of(record(OTHER_ID, 8), record(THIRD_ID, 9)));
        RetriableException full = assertThrows(
                RetriableException.class,
                () -> task.put(List.of(record(ID, 10))),
                "a put() finding no room hands its records back to Connect");
        assertTrue(
                full.getMessage().startsWith("waited 200 ms (flush.timeout.ms) for room for more records"),
                full.getMessage());
        assertTrue(context.timeoutMs > 0, "Connect is asked to wait before redelivering");

        task.close(List.of(new TopicPartition("t", 0)));
        store.answer.countDown();
        Map<TopicPartition, OffsetAndMetadata> later = Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(11));
        assertEquals(later, task.preCommit(later));
        assertEquals(
                List.of(Set.of(ID)),
                writtenIds(store),
                "the revoked partition's queued records were dropped, not written late");
        task.stop();
    }

    /**
     * A write failing when its partition moves to another task is not tried again with that partition's points: their
     * next owner writes them from the last committed offset, and a late retry of ours would overwrite its newer values.
     */
    @Test
    @Timeout(60)
    void aWriteRetriedAfterAPartitionIsRevokedLeavesThatPartitionsPointsToTheirNextOwner() throws Exception {
        ScriptedStore store = new ScriptedStore();
        store.answer = new CountDownLatch(1);
        failNextWrites(store, 1);
        ScriptedTask task = start(store, new RecordingContext(), Map.of(CommonSinkConfig.FLUSH_TIMEOUT_MS, "200"));
        SinkRecord kept =
                new SinkRecord("t", 1, Schema.STRING_SCHEMA, OTHER_ID, null, Map.of("embedding", List.of(0, 1)), 20);
        task.put(List.of(record(), kept));
        awaitWriteBegun(store);
        task.close(List.of(new TopicPartition("t", 0)));
        store.answer.countDown();
        Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(new TopicPartition("t", 1), new OffsetAndMetadata(21));
        assertEquals(offsets, task.preCommit(offsets));
        assertEquals(
                List.of(Set.of(OTHER_ID)),
                writtenIds(store),
                "the retry writes the kept partition's point only, not the revoked one's");
        task.stop();
    }

    @Test
    @Timeout(60)
    void stopDoesNotWaitForAWriteThatNeverEnds() throws Exception {
        ScriptedStore store = new ScriptedStore();
        store.answer = new CountDownLatch(1);
        ScriptedTask task = start(store);
        task.put(List.of(record()));
        awaitWriteBegun(store);
        task.stop();
        assertEquals(List.of(), store.written);
    }

    @Test
    void theTaskReportsVecsyncsVersionNotKafkas() {
        ScriptedTask task = new ScriptedTask(new ScriptedStore());
        assertTrue(task.version().matches("\\d+\\.\\d+\\.\\d+.*"), task.version());
        assertFalse(
                task.version().equals(org.apache.kafka.common.utils.AppInfoParser.getVersion()), "not Kafka's version");
    }

    @Test
    void aWorkerOlderThanConnect41FailsTheTaskAtStartWithASentence() {
        RecordingContext olderWorker = new RecordingContext() {
            @Override
            public PluginMetrics pluginMetrics() {
                throw new NoSuchMethodError(
                        "'org.apache.kafka.common.metrics.PluginMetrics org.apache.kafka.connect.sink.SinkTaskContext.pluginMetrics()'");
            }
        };
        ConnectException failure = assertThrows(ConnectException.class, () -> start(new ScriptedStore(), olderWorker));
        assertEquals(
                "vecsync needs Kafka Connect 4.1 or newer (its plugin metrics); this worker is older: upgrade the Connect workers",
                failure.getMessage());
    }

    /**
     * As Connect's worker calls a task: put() with the polled records, preCommit() with the offsets after them once an
     * offset commit is due, then put() with the next poll's records, none here, which throws a failure the commit met.
     * (test-support's SinkTasks drives a task so, but depends on this module.)
     *
     * @return the offsets the task let Connect commit
     */
    private static Map<TopicPartition, OffsetAndMetadata> putAndCommit(VectorSinkTask task, List<SinkRecord> records) {
        task.put(records);
        Map<TopicPartition, OffsetAndMetadata> committed =
                task.preCommit(offsetsAfter(records.get(records.size() - 1)));
        task.put(List.of());
        return committed;
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsetsAfter(SinkRecord last) {
        return Map.of(
                new TopicPartition(last.topic(), last.kafkaPartition()), new OffsetAndMetadata(last.kafkaOffset() + 1));
    }

    /** The writes fail transiently that many times: a write and its two retries each. */
    private static void failNextWrites(ScriptedStore store, int times) {
        for (int i = 0; i < times; i++) {
            store.writeFailures.add(new RetriableException("connection refused"));
        }
    }

    private static void awaitWriteBegun(ScriptedStore store) throws InterruptedException {
        assertTrue(store.writesBegun.tryAcquire(10, TimeUnit.SECONDS), "the writer took the first batch");
    }

    private static SinkRecord record(String id, long offset) {
        return new SinkRecord("t", 0, Schema.STRING_SCHEMA, id, null, Map.of("embedding", List.of(0, 1)), offset);
    }

    private static List<Set<String>> writtenIds(ScriptedStore store) {
        return store.written.stream()
                .map(batch -> batch.upserts().stream().map(VectorPoint::id).collect(Collectors.toSet()))
                .toList();
    }
}
