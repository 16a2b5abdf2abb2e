/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class WriteBatchTest {

    private static SinkOperation upsert(String id, float value) {
        return new SinkOperation(null, id, new VectorPoint(id, new float[] {value}, Map.of()));
    }

    private static SinkOperation delete(String id) {
        return new SinkOperation(null, id, null);
    }

    @Test
    void theLastOperationOnAnIdWins() {
        WriteBatch batch = WriteBatch.of(
                List.of(upsert("a", 1), upsert("b", 1), upsert("a", 2), delete("b"), delete("c"), upsert("c", 3)));
        assertEquals(
                List.of("c"),
                batch.upserts().stream().skip(1).map(VectorPoint::id).toList());
        assertEquals(2f, batch.upserts().get(0).vector()[0], "the later upsert of a overwrites the earlier");
        assertEquals(List.of("b"), batch.deletes(), "upsert then delete ends deleted");
        assertEquals(3, batch.size());
    }

    @Test
    void aBatchNamesItsTopicWhenAllItsRecordsShareOne() {
        assertEquals(
                "a",
                WriteBatch.of(List.of(fromTopic("a", "1"), fromTopic("a", "2"))).topic());
        assertNull(
                WriteBatch.of(List.of(fromTopic("a", "1"), fromTopic("b", "2"))).topic());
    }

    private static SinkOperation fromTopic(String topic, String id) {
        return new SinkOperation(new SinkRecord(topic, 0, null, id, null, null, 0), id, null);
    }

    @Test
    void halvesSplitTheIdsUpsertsFirstAndTogetherWriteTheWhole() {
        WriteBatch batch =
                WriteBatch.of(List.of(upsert("a", 1), upsert("b", 1), upsert("c", 1), delete("d"), delete("e")));
        List<WriteBatch> halves = batch.halves();
        assertEquals(List.of("a", "b", "c"), halves.get(0).ids());
        assertEquals(List.of("d", "e"), halves.get(1).deletes());
        List<WriteBatch> quarters = halves.get(1).halves();
        assertEquals(
                List.of(List.of("d"), List.of("e")),
                quarters.stream().map(WriteBatch::ids).toList());
        assertEquals(
                List.of(List.of("a", "b"), List.of("c")),
                halves.get(0).halves().stream().map(WriteBatch::ids).toList());
    }

    @Test
    void anEmptyBatchIsEmpty() {
        assertTrue(WriteBatch.of(List.of()).isEmpty());
    }
}
