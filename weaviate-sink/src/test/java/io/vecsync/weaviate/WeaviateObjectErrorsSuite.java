/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkTasks;
import io.weaviate.client6.v1.api.collections.Vectors;
import io.weaviate.client6.v1.api.collections.WeaviateObject;
import io.weaviate.client6.v1.api.collections.data.InsertManyResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** Objects Weaviate refuses one by one: the record goes to the dead-letter queue, or the write fails saying why. */
abstract class WeaviateObjectErrorsSuite {

    private static final Map<String, String> TOLERANT =
            Map.of("errors.tolerance", "all", "errors.deadletterqueue.topic.name", "dlq");
    /** A collection with a geoCoordinates property, whose values the sink leaves to Weaviate to judge, and a number. */
    private static final String WITH_PLACE = "{\"class\":\"" + WeaviateHarness.COLLECTION
            + "\",\"vectorConfig\":{\"default\":{\"vectorIndexType\":\"hnsw\",\"vectorizer\":"
            + "{\"none\":{}}}},\"properties\":[{\"name\":\"place\",\"dataType\":[\"geoCoordinates\"]},"
            + "{\"name\":\"start_seconds\",\"dataType\":[\"number\"]}]}";

    private static final String PLACE_REFUSED = "invalid geoCoordinates property 'place' on class '"
            + WeaviateHarness.COLLECTION + "': geoCoordinates must be a map, but got: string";

    /** The harness of the Weaviate under test. */
    abstract WeaviateHarness harness();

    private Set<String> stored() {
        return harness().weaviate().ids(WeaviateHarness.COLLECTION);
    }

    @Test
    void aValueThatDoesNotFitItsPropertyGoesToTheDeadLetterQueueAndTheRestIsWritten() {
        VectorSinkTask task = harness().start(TOLERANT);
        SinkRecord textSeconds = harness().records().record(1, Map.of("start_seconds", "ten"));
        SinkRecord dashedName = harness().records().record(2, Map.of("video-name", "Clip"));
        SinkTasks.write(
                task,
                List.of(
                        harness().records().record(0),
                        textSeconds,
                        dashedName,
                        harness().records().record(3)));

        assertEquals(Set.of(SegmentRecords.id(0), SegmentRecords.id(3)), stored());
        assertEquals(List.of(textSeconds, dashedName), harness().lastContext().errantRecords());
        String reasons = harness().lastContext().errantReasons().toString();
        assertTrue(
                reasons.contains("field 'start_seconds': 'ten' (String) does not fit the collection's number property"),
                reasons);
        assertTrue(reasons.contains("field 'video-name': 'video-name' is not a Weaviate property name"), reasons);
    }

    @Test
    void aFieldWhoseTypeAutoSchemaSetIsCheckedAgainstItLater() {
        VectorSinkTask task = harness().start(TOLERANT);
        SinkTasks.write(task, List.of(harness().records().record(0, Map.of("rating", 4.5))));
        SinkRecord textRating = harness().records().record(1, Map.of("rating", "high"));
        SinkTasks.write(task, List.of(textRating, harness().records().record(2, Map.of("rating", 3.0))));

        assertEquals(Set.of(SegmentRecords.id(0), SegmentRecords.id(2)), stored());
        assertEquals(List.of(textRating), harness().lastContext().errantRecords());
        assertEquals(
                "number/-",
                harness().weaviate().propertyTypes(WeaviateHarness.COLLECTION).get("rating"),
                "auto-schema's type");
    }

    /** (b) The server refuses an object's content in its batch reply, by index, and writes the rest of the request. */
    @Test
    void weaviateNamesEachObjectItRefusesInTheBatchReplyAndWritesTheOthers() {
        harness().weaviate().createCollection(WITH_PLACE);
        InsertManyResponse response = harness()
                .weaviate()
                .client()
                .collections
                .use(WeaviateHarness.COLLECTION)
                .data
                .insertMany(List.of(
                        object(SegmentRecords.id(0), Map.of("place", Map.of("latitude", 38.7, "longitude", -9.1))),
                        object(SegmentRecords.id(1), Map.of("place", "Lisbon")),
                        object(SegmentRecords.id(2), Map.of("start_seconds", "ten"))));

        assertEquals(
                List.of(true, false, false),
                response.responses().stream()
                        .map(InsertManyResponse.InsertObject::successful)
                        .toList());
        assertEquals(
                List.of(
                        PLACE_REFUSED,
                        "invalid number property 'start_seconds' on class '" + WeaviateHarness.COLLECTION
                                + "': requires a float, the given value is 'ten'"),
                response.errors());
        assertEquals(Set.of(SegmentRecords.id(0)), stored());
    }

    private static WeaviateObject<Map<String, Object>> object(String id, Map<String, Object> properties) {
        return WeaviateObject.of(object ->
                object.uuid(id).properties(properties).vectors(Vectors.of("default", new float[] {1, 0, 0, 0})));
    }

    @Test
    void anObjectWeaviateRefusesAtWriteGoesToTheDeadLetterQueueAndTheRestIsWritten() {
        harness().weaviate().createCollection(WITH_PLACE);
        VectorSinkTask task = harness().start(TOLERANT);
        SinkRecord lisbon = harness().records().record(1, Map.of("place", "Lisbon"));
        SinkTasks.write(
                task,
                List.of(
                        harness().records().record(0),
                        lisbon,
                        harness().records().record(2)));

        assertEquals(
                Set.of(SegmentRecords.id(0), SegmentRecords.id(2)), stored(), "Weaviate keeps the objects it took");
        assertEquals(List.of(lisbon), harness().lastContext().errantRecords());
        String reason = harness().lastContext().errantReasons().get(0).getMessage();
        assertTrue(
                reason.contains("the store refused point " + SegmentRecords.id(1)) && reason.endsWith(PLACE_REFUSED),
                reason);
    }

    /** A stress test: a data race cannot be made to show on demand, but a map torn by one shows here as a missed check. */
    @Test
    void checksOnTheTaskThreadSeeTheTypesTheWriterLearnsWhileItLearnsThem() {
        VectorSinkTask task = harness().start(TOLERANT);
        List<SinkRecord> misfits = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            Map<String, Object> newFields = new LinkedHashMap<>();
            for (int field = 0; field < 50; field++) {
                newFields.put("learned_" + round + "_" + field, 1.0);
            }
            // While the writer learns the new fields' types, put() checks the misfits against a type known from the
            // start.
            List<SinkRecord> put = new ArrayList<>(List.of(harness().records().record(round % 4, newFields)));
            for (int i = 0; i < 500; i++) {
                put.add(harness().records().record(4, Map.of("start_seconds", "ten")));
            }
            misfits.addAll(put.subList(1, put.size()));
            task.put(put);
        }
        SinkTasks.write(task, List.of());

        assertEquals(misfits, harness().lastContext().errantRecords());
        assertTrue(
                harness().lastContext().errantReasons().stream()
                        .allMatch(reason -> reason.getMessage()
                                .endsWith(
                                        "field 'start_seconds': 'ten' (String) does not fit the collection's number property (collection "
                                                + WeaviateHarness.COLLECTION + ")")),
                "every misfit is caught by the check, none by Weaviate");
    }

    @Test
    void vectorsOfAnotherDimensionWrittenMeanwhileFailTheFirstWriteClearly() {
        VectorSinkTask task = harness().start(Map.of());
        harness()
                .weaviate()
                .insert(
                        WeaviateHarness.COLLECTION,
                        "6a1b4c3e-0c8f-5e55-9a39-6a4f3a0f1e01",
                        new float[] {1, 0, 0, 0, 0, 0},
                        SegmentRecords.VIDEO);

        ConnectException error = assertThrows(
                ConnectException.class,
                () -> SinkTasks.write(task, List.of(harness().records().record(0))));
        assertEquals(
                "collection " + WeaviateHarness.COLLECTION
                        + " holds vectors of 6 dimensions, but embedding.dimension is 4: use another"
                        + " weaviate.collection or change the setting (Weaviate refused object " + SegmentRecords.id(0)
                        + ")",
                error.getMessage());
    }

    @Test
    void aReadOnlyShardIsAPassingRefusalRetriedUntilItIsWritableAgain() {
        VectorSinkTask task = harness().start(Map.of("retry.max", "1"));
        SinkTasks.write(task, List.of(harness().records().record(0)));
        harness().weaviate().readOnly(WeaviateHarness.COLLECTION, true);

        RetriableException upsert = assertThrows(
                RetriableException.class,
                () -> SinkTasks.write(task, List.of(harness().records().record(1))));
        assertTrue(upsert.getMessage().contains("store is read-only"), upsert.getMessage());
        RetriableException again = assertThrows(
                RetriableException.class,
                () -> SinkTasks.write(task, List.of(harness().records().tombstone(0))));
        assertTrue(
                again.getMessage().contains("store is read-only"),
                "the failed upsert is written again before anything newer: " + again.getMessage());
        assertEquals(Set.of(SegmentRecords.id(0)), stored());

        harness().weaviate().readOnly(WeaviateHarness.COLLECTION, false);
        // Connect redelivers the tombstone's put: the upsert is written first, then the delete.
        SinkTasks.write(task, List.of(harness().records().tombstone(0)));
        assertEquals(Set.of(SegmentRecords.id(1)), stored());

        harness().weaviate().readOnly(WeaviateHarness.COLLECTION, true);
        RetriableException delete = assertThrows(
                RetriableException.class,
                () -> SinkTasks.write(task, List.of(harness().records().tombstone(1))));
        assertTrue(delete.getMessage().contains("failed to delete 1 of the 1"), delete.getMessage());
        assertEquals(Set.of(SegmentRecords.id(1)), stored());
        harness().weaviate().readOnly(WeaviateHarness.COLLECTION, false);
    }
}
