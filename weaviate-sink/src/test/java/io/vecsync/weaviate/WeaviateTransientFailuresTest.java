/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkTasks;
import io.vecsync.weaviate.fake.FakeWeaviate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Transient failures are retried with backoff and then handed back to Connect; the others fail at once. Fake only: a
 * real server cannot be made to fail or stall a given call on demand.
 */
class WeaviateTransientFailuresTest {

    @RegisterExtension
    static final WeaviateHarness harness = WeaviateHarness.onFake(FakeWeaviate.start());

    private static Set<String> stored() {
        return harness.fake().objects(WeaviateHarness.COLLECTION).keySet();
    }

    @Test
    void anUnavailableBatchWriteIsRetriedUntilItGoesThrough() {
        VectorSinkTask task = harness.start(Map.of());
        harness.fake().failGrpc("BatchObjects", 2, Status.Code.UNAVAILABLE);
        SinkTasks.write(
                task, List.of(harness.records().record(0), harness.records().record(1)));
        assertEquals(Set.of(SegmentRecords.id(0), SegmentRecords.id(1)), stored());
        assertEquals(3, harness.fake().calls("BatchObjects"));
    }

    @Test
    void aDeleteThatTimesOutIsRetried() {
        VectorSinkTask task = harness.start(Map.of());
        SinkTasks.write(
                task, List.of(harness.records().record(0), harness.records().record(1)));
        harness.fake().failGrpc("BatchDelete", 1, Status.Code.DEADLINE_EXCEEDED);
        SinkTasks.write(task, List.of(harness.records().tombstone(0)));
        assertEquals(Set.of(SegmentRecords.id(1)), stored());
        assertEquals(2, harness.fake().calls("BatchDelete"));
    }

    @Test
    void aWriteStillFailingAfterTheRetriesIsHandedBackToConnectForRedelivery() {
        VectorSinkTask task = harness.start(Map.of("retry.max", "2"));
        // The write and its two retries fail as the offsets are to be committed, then again at the next put().
        harness.fake().failGrpc("BatchObjects", 6, Status.Code.RESOURCE_EXHAUSTED);
        List<RetriableException> handedBack =
                SinkTasks.write(task, List.of(harness.records().record(0)));
        assertEquals(1, handedBack.size(), handedBack.toString());
        assertTrue(
                handedBack.get(0).getMessage().contains("RESOURCE_EXHAUSTED"),
                handedBack.get(0).getMessage());
        assertTrue(harness.lastContext().lastTimeoutMs() > 0, "Connect is asked to wait before redelivering");
        assertEquals(Set.of(SegmentRecords.id(0)), stored(), "the redelivered batch goes through");
    }

    @Test
    void restFailuresWhilePreparingTheCollectionAreRetried() {
        harness.fake().failRest("GET", "/schema/" + WeaviateHarness.COLLECTION, 2, 503);
        harness.fake().failRest("POST", "/schema", 1, 429);
        SinkTasks.write(harness.start(Map.of()), List.of(harness.records().record(0)));
        assertEquals(Set.of(SegmentRecords.id(0)), stored());
        assertTrue(harness.fake().calls("GET /schema/" + WeaviateHarness.COLLECTION) >= 3, "read again after each 503");
    }

    @Test
    void aWeaviateUnreachableAtStartIsPreparedAgainBeforeTheFirstWrite() {
        // Two failures for start (retry.max 1), two for the first put, then Weaviate answers.
        harness.fake().failRest("GET", "/schema/" + WeaviateHarness.COLLECTION, 4, 503);
        VectorSinkTask task = harness.start(Map.of("retry.max", "1"));
        List<RetriableException> handedBack =
                SinkTasks.write(task, List.of(harness.records().record(0)));
        assertEquals(1, handedBack.size(), handedBack.toString());
        assertTrue(
                handedBack
                        .get(0)
                        .getMessage()
                        .startsWith("reading collection " + WeaviateHarness.COLLECTION + " failed: HTTP 503"),
                handedBack.get(0).getMessage());
        assertEquals(Set.of(SegmentRecords.id(0)), stored(), "the redelivered batch goes through");
    }

    @Test
    void aRefusedConnectionIsTransient() {
        // Port 1 is outside the ephemeral range, so no socket of this JVM can be on it and answer.
        VectorSinkTask task = harness.start(Map.of(WeaviateSinkConfig.HTTP_PORT, "1", "retry.max", "0"));
        RetriableException error = assertThrows(
                RetriableException.class,
                () -> SinkTasks.write(task, List.of(harness.records().record(0))));
        assertEquals(
                "reading collection " + WeaviateHarness.COLLECTION + " failed: java.net.ConnectException",
                error.getMessage());
    }

    @Test
    void aSlowWriteMissesTheDeadlineAndIsRetried() {
        VectorSinkTask task = harness.start(Map.of(WeaviateSinkConfig.TIMEOUT_MS, "1000"));
        harness.fake().delayGrpc("BatchObjects", 1, Duration.ofMillis(3000));
        SinkTasks.write(task, List.of(harness.records().record(0)));
        assertEquals(Set.of(SegmentRecords.id(0)), stored());
        assertEquals(2, harness.fake().calls("BatchObjects"), "the first call was cut at its deadline and made again");
    }

    @Test
    void aRefusalARetryCannotFixFailsTheTaskAtOnce() {
        VectorSinkTask task = harness.start(Map.of());
        harness.fake().failGrpc("BatchObjects", 1, Status.Code.FAILED_PRECONDITION);
        ConnectException error = assertThrows(
                ConnectException.class,
                () -> SinkTasks.write(task, List.of(harness.records().record(0))));
        assertFalse(error instanceof RetriableException, error.toString());
        assertEquals(1, harness.fake().calls("BatchObjects"));
    }
}
