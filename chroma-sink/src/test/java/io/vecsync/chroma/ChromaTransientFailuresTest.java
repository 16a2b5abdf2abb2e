/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkTasks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transient failures are retried with backoff and then handed back to Connect; the others fail at once, saying what to fix. */
class ChromaTransientFailuresTest {

    @RegisterExtension
    static final ChromaHarness harness = new ChromaHarness(true);

    private static Set<String> stored() {
        return ChromaStoredPoints.readAll(harness.chroma(), ChromaHarness.COLLECTION)
                .keySet();
    }

    @Test
    void upsertsAnswered5xxOr429AreRetriedUntilTheyGoThrough() {
        VectorSinkTask task = harness.start(Map.of());
        harness.proxy().fail("upsert", 1, 503);
        harness.proxy().fail("upsert", 1, 429);
        SinkTasks.write(
                task, List.of(harness.records().record(0), harness.records().record(1)));
        assertEquals(Set.of(SegmentRecords.id(0), SegmentRecords.id(1)), stored());
        assertEquals(3, harness.proxy().calls("upsert"));
    }

    @Test
    void aDeleteAnswered500IsRetried() {
        VectorSinkTask task = harness.start(Map.of());
        SinkTasks.write(
                task, List.of(harness.records().record(0), harness.records().record(1)));
        harness.proxy().fail("delete", 1, 500);
        SinkTasks.write(task, List.of(harness.records().tombstone(0)));
        assertEquals(Set.of(SegmentRecords.id(1)), stored());
        assertEquals(2, harness.proxy().calls("delete"));
    }

    @Test
    void aWriteStillFailingAfterTheRetriesIsHandedBackToConnectForRedelivery() {
        VectorSinkTask task = harness.start(Map.of("retry.max", "2"));
        // The write and its two retries fail as the offsets are to be committed, then again at the next put().
        harness.proxy().fail("upsert", 6, 502);
        List<RetriableException> handedBack =
                SinkTasks.write(task, List.of(harness.records().record(0)));
        assertEquals(1, handedBack.size(), handedBack.toString());
        assertTrue(
                handedBack.get(0).getMessage().contains("HTTP 502"),
                handedBack.get(0).getMessage());
        assertTrue(harness.lastContext().lastTimeoutMs() > 0, "Connect is asked to wait before redelivering");
        assertEquals(Set.of(SegmentRecords.id(0)), stored(), "the redelivered batch goes through");
    }

    @Test
    void aChromaUnavailableAtStartIsPreparedAgainBeforeTheFirstWrite() {
        // Two failures for start (retry.max 1), two for the first put, then Chroma answers.
        harness.proxy().fail(ChromaHarness.COLLECTION, 4, 503);
        VectorSinkTask task = harness.start(Map.of("retry.max", "1"));
        List<RetriableException> handedBack =
                SinkTasks.write(task, List.of(harness.records().record(0)));
        assertEquals(1, handedBack.size(), handedBack.toString());
        assertTrue(
                handedBack.get(0).getMessage().startsWith("reading collection " + ChromaHarness.COLLECTION),
                handedBack.get(0).getMessage());
        assertEquals(Set.of(SegmentRecords.id(0)), stored(), "the redelivered batch goes through");
    }

    @Test
    void aRefusedConnectionIsTransient() {
        // Port 1 is outside the ephemeral range, so no socket of this JVM can be on it and answer.
        VectorSinkTask task = harness.start(Map.of(ChromaSinkConfig.URL, "http://127.0.0.1:1", "retry.max", "0"));
        RetriableException error = assertThrows(
                RetriableException.class,
                () -> SinkTasks.write(task, List.of(harness.records().record(0))));
        assertTrue(error.getMessage().startsWith("reading collection " + ChromaHarness.COLLECTION), error.getMessage());
        assertTrue(error.getMessage().contains("ConnectException"), error.getMessage());
    }

    @Test
    void aSlowWriteMissesTheDeadlineAndIsRetried() {
        VectorSinkTask task = harness.start(Map.of(ChromaSinkConfig.TIMEOUT_MS, "500"));
        harness.proxy().delay("upsert", 1, Duration.ofMillis(2000));
        long start = System.nanoTime();
        SinkTasks.write(task, List.of(harness.records().record(0)));
        assertEquals(Set.of(SegmentRecords.id(0)), stored());
        assertEquals(2, harness.proxy().calls("upsert"), "the first call was cut at its deadline and made again");
        assertTrue(
                System.nanoTime() - start < Duration.ofMillis(1900).toNanos(),
                "the write did not wait for the slow answer");
    }

    @Test
    void theTokenTravelsInTheHeaderChromaReads() {
        harness.proxy().requireToken("s3cr3t-token");
        VectorSinkTask task = harness.start(Map.of(ChromaSinkConfig.TOKEN, "s3cr3t-token"));
        SinkTasks.write(task, List.of(harness.records().record(0)));
        assertEquals(Set.of(SegmentRecords.id(0)), stored());
    }

    @Test
    void aRefusedTokenFailsTheStartNamingTheSettingAndNeverTheToken() {
        harness.proxy().requireToken("the-right-one");
        ConnectException error = assertThrows(
                ConnectException.class,
                () -> harness.start(Map.of(ChromaSinkConfig.TOKEN, "s3cr3t-token", "retry.max", "3")));
        assertFalse(error instanceof RetriableException, error.toString());
        assertTrue(
                error.getMessage().contains("HTTP 401") && error.getMessage().contains(ChromaSinkConfig.TOKEN),
                error.getMessage());
        assertFalse(error.getMessage().contains("s3cr3t-token"), error.getMessage());
        assertEquals(1, harness.proxy().calls(ChromaHarness.COLLECTION), "not retried");
    }

    @Test
    void aMissingTokenIsNamed() {
        harness.proxy().requireToken("the-right-one");
        ConnectException error = assertThrows(ConnectException.class, () -> harness.start(Map.of()));
        assertTrue(
                error.getMessage().endsWith("Chroma needs a token: set " + ChromaSinkConfig.TOKEN), error.getMessage());
    }
}
