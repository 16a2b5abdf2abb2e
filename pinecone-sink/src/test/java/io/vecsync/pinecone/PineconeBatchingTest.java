/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.pinecone.fake.FakeIndex;
import io.vecsync.testing.SinkTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A batch is cut into requests within Pinecone's limits: 1,000 vectors and 2 MB per upsert, 1,000 ids per delete. */
class PineconeBatchingTest {

    private static final String INDEX = "batching";

    @RegisterExtension
    static final PineconeHarness TASKS = new PineconeHarness(INDEX, "batching-key");

    private static FakeIndex index() {
        return TASKS.index();
    }

    private List<SinkRecord> segments(int count, int dimension) {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(TASKS.segment("segments", i, dimension));
        }
        return records;
    }

    @Test
    void largeVectorsAreSplitByRequestSize() {
        VectorSinkTask task = TASKS.start(1024, Map.of(CommonSinkConfig.BATCH_SIZE, "5000"));
        SinkTasks.write(task, segments(2500, 1024));

        List<FakeIndex.UpsertCall> upserts = index().upserts();
        assertTrue(upserts.size() >= 3, upserts.size() + " upsert requests");
        for (FakeIndex.UpsertCall upsert : upserts) {
            assertTrue(
                    upsert.vectors() <= FakeIndex.MAX_UPSERT_VECTORS && upsert.bytes() <= FakeIndex.MAX_REQUEST_BYTES,
                    upsert.toString());
        }
        assertTrue(
                upserts.stream().mapToInt(FakeIndex.UpsertCall::bytes).max().orElseThrow()
                        > FakeIndex.MAX_REQUEST_BYTES * 0.9,
                "requests are filled, not cut needlessly small: " + upserts);
        assertEquals(
                2500, upserts.stream().mapToInt(FakeIndex.UpsertCall::vectors).sum());
        assertEquals(2500, index().vectors("").size());
    }

    @Test
    void smallVectorsAreSplitByCount() {
        VectorSinkTask task = TASKS.start(4, Map.of(CommonSinkConfig.BATCH_SIZE, "5000"));
        SinkTasks.write(task, segments(2500, 4));
        assertEquals(
                List.of(1000, 1000, 500),
                index().upserts().stream().map(FakeIndex.UpsertCall::vectors).toList());

        List<SinkRecord> tombstones = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            tombstones.add(TASKS.tombstone("segments", i));
        }
        SinkTasks.write(task, tombstones);
        assertEquals(List.of(1000, 1000, 500), index().deletes());
        assertEquals(Map.of(), index().vectors(""));
    }

    @Test
    void metadataBeyondPineconesLimitSendsOnlyThatRecordToTheDeadLetterQueue() {
        VectorSinkTask task =
                TASKS.start(4, Map.of("errors.tolerance", "all", "errors.deadletterqueue.topic.name", "dlq"));
        SinkRecord huge =
                TASKS.segment("segments", 1, PineconeHarness.vector(1, 4), Map.of("video_name", "x".repeat(41 * 1024)));
        SinkTasks.write(task, List.of(TASKS.segment("segments", 0, 4), huge, TASKS.segment("segments", 2, 4)));

        assertEquals(
                Set.of(PineconeHarness.id(0), PineconeHarness.id(2)),
                index().vectors("").keySet());
        assertEquals(List.of(huge), TASKS.lastContext().errantRecords());
        String reason = TASKS.lastContext().errantReasons().get(0).getMessage();
        assertTrue(reason.contains("metadata") && reason.contains("40960"), reason);
    }
}
