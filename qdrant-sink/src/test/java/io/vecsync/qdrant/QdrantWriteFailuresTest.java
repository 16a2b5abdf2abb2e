/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.qdrant.fake.FakeQdrant;
import io.vecsync.testing.SinkTasks;
import io.vecsync.testing.StoreTestHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How the sink meets a failing server: transient gRPC errors are retried, permanent ones fail naming what to fix. */
class QdrantWriteFailuresTest {

    private static final String COLLECTION = "failures";
    /** The fakes each test started. */
    private final List<AutoCloseable> opened = new ArrayList<>();

    private final StoreTestHarness<VectorSinkTask> tasks = new StoreTestHarness<>(QdrantSinkTask::new);

    @AfterEach
    void closeAll() throws Exception {
        tasks.close();
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    private FakeQdrant fake(String apiKey) {
        FakeQdrant fake = FakeQdrant.start(apiKey);
        opened.add(fake);
        return fake;
    }

    private VectorSinkTask start(FakeQdrant fake, Map<String, String> extra) {
        return start(fake.port(), extra);
    }

    private VectorSinkTask start(int port, Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put(QdrantSinkConfig.HOST, "127.0.0.1");
        props.put(QdrantSinkConfig.PORT, Integer.toString(port));
        props.put(QdrantSinkConfig.COLLECTION, COLLECTION);
        props.put(CommonSinkConfig.EMBEDDING_DIMENSION, "4");
        props.put(CommonSinkConfig.RETRY_MAX, "4");
        props.putAll(StoreTestHarness.QUICK_RETRIES);
        props.putAll(extra);
        return tasks.start(props);
    }

    private List<SinkRecord> segments(int count) {
        return tasks.records().records(0, count);
    }

    @Test
    void aFewUnavailableAnswersAreRetriedAndTheWriteLands() {
        FakeQdrant fake = fake(null);
        VectorSinkTask task = start(fake, Map.of());
        fake.failNext(3, Status.Code.UNAVAILABLE);
        SinkTasks.write(task, segments(3));
        assertEquals(3, fake.points(COLLECTION).size());
        assertTrue(
                fake.requests(UpsertPoints.class).stream().allMatch(UpsertPoints::getWait),
                "every upsert waits for the write");
    }

    @ParameterizedTest
    @EnumSource(
            value = Status.Code.class,
            names = {"RESOURCE_EXHAUSTED", "DEADLINE_EXCEEDED", "ABORTED", "INTERNAL"})
    void rateLimitingTimeoutsAndServerErrorsAreRetried(Status.Code code) {
        FakeQdrant fake = fake(null);
        VectorSinkTask task = start(fake, Map.of());
        fake.failNext(2, code);
        SinkTasks.write(task, segments(2));
        assertEquals(2, fake.points(COLLECTION).size());
    }

    @ParameterizedTest
    @EnumSource(
            value = Status.Code.class,
            names = {"FAILED_PRECONDITION", "UNKNOWN", "UNIMPLEMENTED"})
    void otherCodesFailAtOnce(Status.Code code) {
        FakeQdrant fake = fake(null);
        VectorSinkTask task = start(fake, Map.of());
        fake.failNext(1, code);
        ConnectException error = assertThrows(ConnectException.class, () -> SinkTasks.write(task, segments(1)));
        assertFalse(error instanceof RetriableException, error.getMessage());
        assertTrue(error.getMessage().contains(code.name()), error.getMessage());
    }

    @Test
    void aServerThatStaysUnavailableHandsTheBatchBackToConnect() {
        FakeQdrant fake = fake(null);
        VectorSinkTask task = start(fake, Map.of());
        fake.failAlways(Status.Code.UNAVAILABLE);
        RetriableException error = assertThrows(RetriableException.class, () -> SinkTasks.write(task, segments(2)));
        assertTrue(
                error.getMessage().contains("UNAVAILABLE") && error.getMessage().contains(COLLECTION),
                error.getMessage());
        assertTrue(tasks.lastContext().lastTimeoutMs() >= 0, "Connect is asked to wait before redelivering");

        fake.clearFailures();
        SinkTasks.write(task, segments(2));
        assertEquals(2, fake.points(COLLECTION).size(), "the redelivered batch lands once the server is back");
    }

    /**
     * The write and its two retries fail as the offsets are to be committed, which commits nothing; the next put()
     * writes again, fails three times again and hands its records back to Connect; the redelivery lands.
     */
    @Test
    void moreFailuresThanRetriesAreHandedBackToo() {
        FakeQdrant fake = fake(null);
        VectorSinkTask task = start(fake, Map.of(CommonSinkConfig.RETRY_MAX, "2"));
        fake.failNext(6, Status.Code.UNAVAILABLE);
        List<RetriableException> handedBack = SinkTasks.write(task, segments(1));
        assertEquals(1, handedBack.size(), handedBack.toString());
        assertTrue(
                handedBack.get(0).getMessage().contains("UNAVAILABLE"),
                handedBack.get(0).getMessage());
        assertEquals(1, fake.points(COLLECTION).size());
    }

    @Test
    void aSlowServerMissesTheDeadlineAndTheRetryLands() {
        FakeQdrant fake = fake(null);
        VectorSinkTask task = start(fake, Map.of(QdrantSinkConfig.TIMEOUT_MS, "300"));
        fake.delayNext(1, Duration.ofSeconds(2));
        long start = System.nanoTime();
        SinkTasks.write(task, segments(2));
        assertTrue(System.nanoTime() - start < Duration.ofMillis(1900).toNanos(), "the call was cut at the deadline");
        assertEquals(2, fake.points(COLLECTION).size());
    }

    @Test
    void aWrongApiKeyFailsAtStartNamingTheSettingButNotTheKey() {
        FakeQdrant fake = fake("the-right-key");
        ConnectException error = assertThrows(
                ConnectException.class, () -> start(fake, Map.of(QdrantSinkConfig.API_KEY, "a-wrong-key")));
        assertFalse(error instanceof RetriableException, "a retry cannot fix a key");
        assertTrue(
                error.getMessage().contains("UNAUTHENTICATED")
                        && error.getMessage().contains(QdrantSinkConfig.API_KEY),
                error.getMessage());
        assertFalse(
                error.getMessage().contains("a-wrong-key") || error.getMessage().contains("the-right-key"),
                error.getMessage());

        ConnectException missing = assertThrows(ConnectException.class, () -> start(fake, Map.of()));
        assertTrue(
                missing.getMessage().contains("needs an API key: set " + QdrantSinkConfig.API_KEY),
                missing.getMessage());
    }

    @Test
    void theRightApiKeyIsSentOnEveryCall() {
        FakeQdrant fake = fake("the-right-key");
        SinkTasks.write(start(fake, Map.of(QdrantSinkConfig.API_KEY, "the-right-key")), segments(2));
        assertEquals(2, fake.points(COLLECTION).size());
    }

    @Test
    void aRefusedWriteIsNotRetried() {
        FakeQdrant fake = fake(null);
        VectorSinkTask task = start(fake, Map.of());
        // Someone recreates the collection with another size while the sink runs.
        fake.deleteAllCollections();
        fake.createCollection(COLLECTION, FakeQdrant.unnamed(8, Distance.Cosine));
        ConnectException error = assertThrows(ConnectException.class, () -> SinkTasks.write(task, segments(1)));
        assertFalse(error instanceof RetriableException);
        assertTrue(
                error.getMessage().contains("INVALID_ARGUMENT")
                        && error.getMessage().contains("expected dim: 8, got 4"),
                error.getMessage());
        assertEquals(1, fake.requests(UpsertPoints.class).size(), "no retries");
    }

    @Test
    void anUpsertRefusedForOnePointIsWrittenInHalvesAndOnlyThatPointGoesToTheDeadLetterQueue() {
        FakeQdrant fake = fake(null);
        VectorSinkTask task =
                start(fake, Map.of("errors.tolerance", "all", "errors.deadletterqueue.topic.name", "dlq"));
        fake.refusePayloadKey("poison");
        List<SinkRecord> records = segments(4);
        Map<String, Object> poisoned = castMap((Map<?, ?>) records.get(1).value());
        poisoned.put("poison", "x");
        records.set(
                1, records.get(1).newRecord("segments", 0, null, records.get(1).key(), null, poisoned, null));
        SinkTasks.write(task, records);

        assertEquals(3, fake.points(COLLECTION).size());
        assertEquals(List.of(records.get(1)), tasks.lastContext().errantRecords());
        String reason = tasks.lastContext().errantReasons().get(0).getMessage();
        assertTrue(
                reason.startsWith("record segments-0@1: the store refused point "
                        + records.get(1).key()
                        + ": upserting 1 points into collection failures failed: INVALID_ARGUMENT"),
                reason);
        assertEquals(
                5, fake.requests(UpsertPoints.class).size(), "4 points, then 2 and 2, then the refused pair's 1 and 1");
    }

    @Test
    void aBatchLargerThanAGrpcMessageLandsInSeveralUpserts() {
        FakeQdrant fake = fake(null);
        VectorSinkTask task = start(fake, Map.of());
        List<SinkRecord> records = new ArrayList<>();
        for (SinkRecord record : segments(50)) {
            Map<String, Object> value = castMap((Map<?, ?>) record.value());
            value.put("transcript", "w".repeat(100_000));
            records.add(record.newRecord("segments", 0, null, record.key(), null, value, null));
        }
        SinkTasks.write(task, records);

        assertEquals(50, fake.points(COLLECTION).size());
        List<UpsertPoints> upserts = fake.requests(UpsertPoints.class);
        assertTrue(upserts.size() >= 2, "5 MB of points in one upsert");
        assertTrue(
                upserts.stream().allMatch(upsert -> upsert.getSerializedSize() <= 4 * 1024 * 1024), "each within 4 MB");
    }

    private static Map<String, Object> castMap(Map<?, ?> map) {
        Map<String, Object> copy = new HashMap<>();
        map.forEach((key, value) -> copy.put((String) key, value));
        return copy;
    }

    @Test
    void aCollectionDeletedUnderTheSinkFailsNamingIt() {
        FakeQdrant fake = fake(null);
        VectorSinkTask task = start(fake, Map.of());
        fake.deleteAllCollections();
        ConnectException error = assertThrows(ConnectException.class, () -> SinkTasks.write(task, segments(1)));
        assertFalse(error instanceof RetriableException);
        assertTrue(
                error.getMessage().contains("NOT_FOUND")
                        && error.getMessage().contains("`" + COLLECTION + "` doesn't exist"),
                error.getMessage());
    }

    @Test
    void anUnreachableServerIsTransient() {
        FakeQdrant fake = fake(null);
        int port = fake.port();
        fake.close();
        // Start keeps the task alive; the first write prepares the collection and hands the failure back to Connect.
        VectorSinkTask task = start(port, Map.of(CommonSinkConfig.RETRY_MAX, "1"));
        RetriableException error = assertThrows(RetriableException.class, () -> SinkTasks.write(task, segments(1)));
        assertTrue(error.getMessage().contains("UNAVAILABLE"), error.getMessage());
    }
}
