/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkTasks;
import io.vecsync.weaviate.fake.FakeWeaviate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Batch inserts stay within the gRPC message size the server announces, and an object larger than that reaches the
 * dead-letter queue alone. Fake only: the shared real server takes messages of 100 MB, too large to send in a test.
 */
class WeaviateRequestSizeTest {

    private static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final Map<String, String> TOLERANT =
            Map.of("errors.tolerance", "all", "errors.deadletterqueue.topic.name", "dlq");

    @RegisterExtension
    static final WeaviateHarness harness =
            WeaviateHarness.onFake(FakeWeaviate.startWithGrpcMaxMessageSize(MAX_MESSAGE_BYTES));

    @Test
    void aBatchLargerThanTheServersMessageSizeLandsInSeveralRequests() {
        VectorSinkTask task = harness.start(Map.of(CommonSinkConfig.BATCH_SIZE, "1000"));
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(harness.records().record(i, Map.of("transcript", "word ".repeat(2_000))));
        }
        SinkTasks.write(task, records);

        assertEquals(20, harness.fake().objects(WeaviateHarness.COLLECTION).size());
        int requests = harness.fake().calls("BatchObjects");
        assertTrue(
                requests >= 20 * 10_000 / MAX_MESSAGE_BYTES + 1,
                "20 objects of 10 KB in requests of at most 64 KB: " + requests);
    }

    /**
     * (b) The one whole request refused for what it holds: one over the message size Weaviate announces, which the
     * client will not send. It names no object, so the framework halves the batch until the object stands alone.
     */
    @Test
    void anObjectLargerThanTheMessageSizeIsRefusedWholeAndGoesToTheDeadLetterQueueAlone() {
        VectorSinkTask task = harness.start(TOLERANT);
        SinkRecord huge = harness.records().record(2, Map.of("transcript", "word ".repeat(MAX_MESSAGE_BYTES / 4)));
        SinkTasks.write(
                task,
                List.of(
                        harness.records().record(0),
                        harness.records().record(1),
                        huge,
                        harness.records().record(3)));

        assertEquals(
                Set.of(SegmentRecords.id(0), SegmentRecords.id(1), SegmentRecords.id(3)),
                harness.weaviate().ids(WeaviateHarness.COLLECTION));
        assertEquals(List.of(huge), harness.lastContext().errantRecords());
        String reason = harness.lastContext().errantReasons().get(0).getMessage();
        assertTrue(
                reason.startsWith("record segments-0@" + huge.kafkaOffset() + ": the store refused point "
                                + SegmentRecords.id(2))
                        && reason.contains("larger than the gRPC message size Weaviate announces"),
                reason);
    }
}
