/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkTasks;
import io.vecsync.testing.StoredPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests stay within the server's limits, and a record Chroma cannot take goes to the dead-letter queue while the rest is written. */
class ChromaRequestsTest {

    private static final Map<String, String> TOLERANT =
            Map.of("errors.tolerance", "all", "errors.deadletterqueue.topic.name", "dlq");

    @RegisterExtension
    static final ChromaHarness harness = new ChromaHarness(true);

    private static Map<String, StoredPoint> stored() {
        return ChromaStoredPoints.readAll(harness.chroma(), ChromaHarness.COLLECTION);
    }

    private static Set<String> ids(int... segments) {
        return IntStream.of(segments).mapToObj(SegmentRecords::id).collect(Collectors.toSet());
    }

    private static Map<String, String> tolerant(Map<String, String> more) {
        Map<String, String> props = new HashMap<>(TOLERANT);
        props.putAll(more);
        return props;
    }

    @Test
    void upsertsAndDeletesStayWithinTheServersMaxBatchSize() {
        harness.proxy().announce(3, true);
        VectorSinkTask task = harness.start(Map.of(CommonSinkConfig.BATCH_SIZE, "100"));
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(harness.records().record(i));
        }
        SinkTasks.write(task, records);
        assertEquals(10, stored().size());
        assertEquals(4, harness.proxy().calls("upsert"), "10 records, at most 3 a request");

        SinkTasks.write(
                task,
                List.of(
                        harness.records().tombstone(0),
                        harness.records().tombstone(1),
                        harness.records().tombstone(2),
                        harness.records().tombstone(3),
                        harness.records().tombstone(4),
                        harness.records().tombstone(5),
                        harness.records().tombstone(6)));
        assertEquals(ids(7, 8, 9), stored().keySet());
        assertEquals(3, harness.proxy().calls("delete"), "7 ids, at most 3 a request");
    }

    @Test
    void embeddingsTravelAsBase64WhereTheServerReadsItAndAsNumbersElse() {
        VectorSinkTask task = harness.start(Map.of());
        SinkTasks.write(task, List.of(harness.records().record(0)));
        assertTrue(
                harness.proxy().bodies("upsert").get(0).contains("\"embeddings\":[\""),
                harness.proxy().bodies("upsert").get(0));
        harness.proxy().announce(5461, false);
        VectorSinkTask older = harness.start(Map.of());
        SinkTasks.write(older, List.of(harness.records().record(1)));
        assertTrue(
                harness.proxy().bodies("upsert").get(1).contains("\"embeddings\":[[1.0,0.5,0.25,1.0]]"),
                harness.proxy().bodies("upsert").get(1));

        Map<String, StoredPoint> points = stored();
        assertArrayEquals(
                new float[] {1, 0.5f, 0.25f, 0},
                points.get(SegmentRecords.id(0)).vector());
        assertArrayEquals(
                new float[] {1, 0.5f, 0.25f, 1},
                points.get(SegmentRecords.id(1)).vector());
    }

    @Test
    void aBatchOverChromasBodyLimitIsCutAndARecordTooLargeForAnyRequestGoesToTheDeadLetterQueue() {
        VectorSinkTask task = harness.start(tolerant(Map.of()));
        String fifteenMegabytes = "x".repeat(15 << 20);
        SinkRecord tooLarge = harness.records().record(3, Map.of("transcript", "y".repeat(41 << 20)));
        SinkTasks.write(
                task,
                List.of(
                        harness.records().record(0, Map.of("transcript", fifteenMegabytes)),
                        harness.records().record(1, Map.of("transcript", fifteenMegabytes)),
                        harness.records().record(2, Map.of("transcript", fifteenMegabytes)),
                        tooLarge));

        assertEquals(ids(0, 1, 2), stored().keySet());
        assertEquals(2, harness.proxy().calls("upsert"), "45 MB in requests of at most 40 MiB");
        assertEquals(List.of(tooLarge), harness.lastContext().errantRecords());
        assertTrue(
                harness.lastContext()
                        .errantReasons()
                        .get(0)
                        .getMessage()
                        .contains("over the 41943040 bytes Chroma takes in a request"),
                harness.lastContext().errantReasons().get(0).getMessage());
    }

    @Test
    void aRecordChromaRefusesInsideABatchGoesAloneToTheDeadLetterQueue() {
        harness.proxy().refuseBodiesContaining("poison");
        VectorSinkTask task = harness.start(tolerant(Map.of()));
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(harness.records().record(i, i == 3 ? Map.of("note", "poison") : Map.of()));
        }
        SinkTasks.write(task, records);

        assertEquals(ids(0, 1, 2, 4, 5), stored().keySet());
        assertEquals(List.of(records.get(3)), harness.lastContext().errantRecords());
        assertTrue(
                harness.lastContext().errantReasons().get(0).getMessage().contains("HTTP 400 (InvalidArgumentError"),
                harness.lastContext().errantReasons().get(0).getMessage());
    }

    @Test
    void metadataKeysChromaReservesAreRefusedBeforeTheWrite() {
        VectorSinkTask task = harness.start(tolerant(Map.of()));
        SinkRecord hash = harness.records().record(1, Map.of("#note", "x"));
        SinkRecord dollar = harness.records().record(2, Map.of("$where", "y"));
        SinkTasks.write(task, List.of(harness.records().record(0), hash, dollar));

        assertEquals(ids(0), stored().keySet());
        assertEquals(List.of(hash, dollar), harness.lastContext().errantRecords());
        assertTrue(
                harness.lastContext()
                        .errantReasons()
                        .get(0)
                        .getMessage()
                        .contains("field '#note': Chroma takes no metadata key"),
                harness.lastContext().errantReasons().get(0).getMessage());
        assertEquals(1, harness.proxy().calls("upsert"), "one upsert, of the record Chroma takes");
    }

    @Test
    void withoutToleranceARefusedRecordFailsTheTaskNamingIt() {
        VectorSinkTask task = harness.start(Map.of());
        SinkRecord bad = harness.records().record(1, Map.of("#note", "x"));
        DataException error = assertThrows(DataException.class, () -> SinkTasks.write(task, List.of(bad)));
        assertTrue(
                error.getMessage().startsWith("record segments-0@" + bad.kafkaOffset() + ", field '#note'"),
                error.getMessage());
    }
}
