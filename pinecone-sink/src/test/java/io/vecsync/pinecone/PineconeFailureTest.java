/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.pinecone.fake.FakeIndex;
import io.vecsync.pinecone.fake.FakePinecone;
import io.vecsync.pinecone.fake.FakePinecone.Rpc;
import io.vecsync.testing.SinkTasks;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the sink makes of Pinecone's failures: transient ones are retried, the rest fail naming what to change. */
class PineconeFailureTest {

    private static final String INDEX = "failures";
    private static final String KEY = "failure-key-7f3a";

    @RegisterExtension
    static final PineconeHarness TASKS = new PineconeHarness(INDEX, KEY);

    private static final FakePinecone FAKE = TASKS.fake();

    private static Set<String> storedIds() {
        return FAKE.index(INDEX).orElseThrow().vectors("").keySet();
    }

    @Test
    void rateLimitsAndUnavailabilityAreRiddenOut() {
        FAKE.failControlPlaneNext(429, 2);
        VectorSinkTask task = TASKS.start(4, Map.of());
        FAKE.failNext(Rpc.UPSERT, Status.Code.UNAVAILABLE, 2);
        FAKE.failNext(Rpc.UPSERT, Status.Code.RESOURCE_EXHAUSTED, 1);
        FAKE.failNext(Rpc.DELETE, Status.Code.UNKNOWN, 1);
        SinkTasks.write(task, List.of(TASKS.segment("segments", 0, 4), TASKS.segment("segments", 1, 4)));
        SinkTasks.write(task, List.of(TASKS.tombstone("segments", 0)));

        assertEquals(Set.of(PineconeHarness.id(1)), storedIds());
        assertEquals(6, FAKE.faultsServed());
    }

    @Test
    void aFailureThatLastsIsHandedBackToConnectAsRetriable() {
        VectorSinkTask task = TASKS.start(4, Map.of(CommonSinkConfig.RETRY_MAX, "2"));
        FAKE.failAlways(Rpc.UPSERT, Status.Code.UNAVAILABLE);
        RetriableException error = assertThrows(
                RetriableException.class, () -> SinkTasks.write(task, List.of(TASKS.segment("segments", 0, 4))));
        assertTrue(
                error.getMessage().contains("UNAVAILABLE") && error.getMessage().contains(INDEX), error.getMessage());
        assertEquals(0, FAKE.faultsServed() % 3, "each write is a first try and two retries: " + FAKE.faultsServed());
        assertTrue(TASKS.lastContext().lastTimeoutMs() >= 0, "Connect is told to back off before redelivering");

        FAKE.clearFaults();
        SinkTasks.write(task, List.of(TASKS.segment("segments", 0, 4)));
        assertEquals(Set.of(PineconeHarness.id(0)), storedIds(), "the redelivered batch is written");
    }

    @Test
    void aCallPastTheDeadlineIsRetried() {
        VectorSinkTask task = TASKS.start(4, Map.of(PineconeSinkConfig.TIMEOUT_MS, "200"));
        FAKE.delayNext(Rpc.UPSERT, Duration.ofSeconds(10));
        long start = System.nanoTime();
        SinkTasks.write(task, List.of(TASKS.segment("segments", 0, 4)));
        assertTrue(
                System.nanoTime() - start < Duration.ofSeconds(5).toNanos(),
                "the stuck call was given up, not waited for");
        assertEquals(Set.of(PineconeHarness.id(0)), storedIds());
    }

    @Test
    void anUnreachableControlPlaneIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> unreachable =
                Map.of(PineconeSinkConfig.HOST, "http://127.0.0.1:" + closedPort, CommonSinkConfig.RETRY_MAX, "1");
        VectorSinkTask task = TASKS.start(4, unreachable);
        RetriableException error = assertThrows(
                RetriableException.class, () -> SinkTasks.write(task, List.of(TASKS.segment("segments", 0, 4))));
        assertTrue(
                error.getMessage().contains("unreachable") && error.getMessage().contains(Integer.toString(closedPort)),
                error.getMessage());
    }

    @Test
    void aWrongApiKeyFailsNamingTheSettingAndNeverTheKey() {
        String wrongKey = "wrong-key-93c1";
        ConnectException atStart = assertThrows(
                ConnectException.class, () -> TASKS.start(4, Map.of(PineconeSinkConfig.API_KEY, wrongKey)));
        assertFalse(atStart instanceof RetriableException, "a retry cannot fix a wrong key");
        assertNamesTheKeySettingOnly(atStart, wrongKey);

        VectorSinkTask task = TASKS.start(4, Map.of());
        FAKE.failNext(Rpc.UPSERT, Status.Code.UNAUTHENTICATED, 1);
        ConnectException onWrite = assertThrows(
                ConnectException.class, () -> SinkTasks.write(task, List.of(TASKS.segment("segments", 0, 4))));
        assertFalse(onWrite instanceof RetriableException);
        assertNamesTheKeySettingOnly(onWrite, KEY);
    }

    private static void assertNamesTheKeySettingOnly(ConnectException error, String key) {
        assertTrue(error.getMessage().contains(PineconeSinkConfig.API_KEY), error.getMessage());
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            assertFalse(String.valueOf(cause.getMessage()).contains(key), "the key in: " + cause);
        }
    }

    @Test
    void anUpsertRefusedForOneVectorIsWrittenInHalvesAndOnlyThatVectorGoesToTheDeadLetterQueue() {
        VectorSinkTask task =
                TASKS.start(4, Map.of("errors.tolerance", "all", "errors.deadletterqueue.topic.name", "dlq"));
        FAKE.refuseMetadataField("poison");
        SinkRecord poisoned = TASKS.segment("segments", 2, PineconeHarness.vector(2, 4), Map.of("poison", "x"));
        SinkTasks.write(
                task,
                List.of(
                        TASKS.segment("segments", 0, 4),
                        TASKS.segment("segments", 1, 4),
                        poisoned,
                        TASKS.segment("segments", 3, 4)));

        assertEquals(Set.of(PineconeHarness.id(0), PineconeHarness.id(1), PineconeHarness.id(3)), storedIds());
        assertEquals(List.of(poisoned), TASKS.lastContext().errantRecords());
        String reason = TASKS.lastContext().errantReasons().get(0).getMessage();
        assertTrue(
                reason.contains("the store refused point " + PineconeHarness.id(2))
                        && reason.contains("'poison' is refused"),
                reason);
        assertEquals(
                List.of(2, 1),
                FAKE.index(INDEX).orElseThrow().upserts().stream()
                        .map(FakeIndex.UpsertCall::vectors)
                        .toList(),
                "4 vectors refused, then 2 and 2, then the refused pair's 1 and 1: the upserts that went through");
    }

    @Test
    void aControlPlaneCallPastTheDeadlineIsRetried() {
        FAKE.delayControlPlane(Duration.ofSeconds(5));
        VectorSinkTask task =
                TASKS.start(4, Map.of(PineconeSinkConfig.TIMEOUT_MS, "300", CommonSinkConfig.RETRY_MAX, "1"));
        RetriableException error = assertThrows(
                RetriableException.class, () -> SinkTasks.write(task, List.of(TASKS.segment("segments", 0, 4))));
        assertTrue(error.getMessage().contains("control plane"), error.getMessage());
        FAKE.clearFaults();
        SinkTasks.write(task, List.of(TASKS.segment("segments", 0, 4)));
        assertEquals(Set.of(PineconeHarness.id(0)), storedIds());
    }

    @Test
    void aRequestPineconeRefusesFailsTheTaskWithPineconesReason() {
        VectorSinkTask task = TASKS.start(4, Map.of());
        FAKE.failNext(Rpc.UPSERT, Status.Code.FAILED_PRECONDITION, 1);
        ConnectException error = assertThrows(
                ConnectException.class, () -> SinkTasks.write(task, List.of(TASKS.segment("segments", 0, 4))));
        assertFalse(error instanceof RetriableException);
        assertTrue(error.getMessage().contains("FAILED_PRECONDITION"), error.getMessage());
    }

    @Test
    void tombstonesIntoANamespaceNothingWasWrittenToAreNoError() {
        VectorSinkTask task = TASKS.start(4, Map.of(PineconeSinkConfig.NAMESPACE, "fresh"));
        SinkTasks.write(task, List.of(TASKS.tombstone("segments", 0), TASKS.tombstone("segments", 1)));
        assertEquals(Set.of(), FAKE.index(INDEX).orElseThrow().namespaces());
    }

    @Test
    void startWaitsUntilANewIndexIsReady() {
        FAKE.describesUntilReady(2);
        VectorSinkTask task = TASKS.start(4, Map.of());
        SinkTasks.write(task, List.of(TASKS.segment("segments", 0, 4)));
        assertEquals(Set.of(PineconeHarness.id(0)), storedIds());
    }

    @Test
    void tasksStartingTogetherShareTheIndexOneOfThemCreated() throws Exception {
        int logged = FAKE.controlPlaneLog().size();
        FAKE.delayControlPlane(Duration.ofMillis(800));
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try {
            List<Future<VectorSinkTask>> starts = List.of(
                    starter.submit(() -> TASKS.start(4, Map.of())), starter.submit(() -> TASKS.start(4, Map.of())));
            for (Future<VectorSinkTask> start : starts) {
                start.get(30, TimeUnit.SECONDS);
            }
        } finally {
            starter.shutdownNow();
        }
        List<String> log = FAKE.controlPlaneLog();
        List<String> creates = log.subList(logged, log.size()).stream()
                .filter(request -> request.startsWith("POST"))
                .sorted()
                .toList();
        assertEquals(
                List.of("POST /indexes 201", "POST /indexes 409"),
                creates,
                "both saw no index; the second create lost the race");
    }

    @Test
    void anExistingIndexOfAnotherMetricIsRefusedNamingBoth() {
        FAKE.createIndex(INDEX, 4, "dotproduct");
        ConnectException error = assertThrows(ConnectException.class, () -> TASKS.start(4, Map.of()));
        assertTrue(
                error.getMessage().contains(INDEX)
                        && error.getMessage().contains("dotproduct")
                        && error.getMessage().contains("cosine"),
                error.getMessage());
    }

    @Test
    void aMissingIndexIsCreatedWhereConfiguredOrRefused() {
        ConnectException refused = assertThrows(
                ConnectException.class, () -> TASKS.start(4, Map.of(PineconeSinkConfig.CREATE_INDEX, "false")));
        assertTrue(
                refused.getMessage().contains(INDEX) && refused.getMessage().contains(PineconeSinkConfig.CREATE_INDEX),
                refused.getMessage());
        assertTrue(FAKE.index(INDEX).isEmpty());

        TASKS.start(4, Map.of(PineconeSinkConfig.CLOUD, "gcp", PineconeSinkConfig.REGION, "europe-west4"));
        assertEquals(
                List.of("gcp", "europe-west4", "cosine", "4"),
                FAKE.index(INDEX)
                        .map(index -> List.of(
                                index.cloud(), index.region(), index.metric(), Integer.toString(index.dimension())))
                        .orElseThrow());
    }
}
