/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.search.StoreException;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkTasks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The collection is created the Chroma 1.x way or verified however it was made; a mismatch is refused naming the setting. */
class ChromaCollectionAdminTest {

    private static final String DOCS_RECORD = "6a1b4c3e-0c8f-5e55-9a39-6a4f3a0f1e01";

    @RegisterExtension
    static final ChromaHarness harness = new ChromaHarness(false);

    /** The platform docs' collection with one record of the dimension given, written as the docs' loop does. */
    private static void docsCollection(String space, int dimension) {
        harness.chroma().createTheDocsWay(ChromaHarness.COLLECTION, space);
        harness.chroma()
                .upsert(
                        ChromaHarness.COLLECTION,
                        DOCS_RECORD,
                        new float[dimension],
                        Map.of("video_id", SegmentRecords.VIDEO, "start", "00:00:00", "end", "00:00:10"));
    }

    @Test
    void aMissingCollectionIsCreatedWithTheCosineSpaceInItsConfiguration() {
        SinkTasks.write(harness.start(Map.of()), List.of(harness.records().record(0)));
        JsonNode collection = harness.chroma().collection(ChromaHarness.COLLECTION);
        assertEquals(
                "cosine",
                collection.path("configuration_json").path("hnsw").path("space").asText(),
                collection.toString());
        assertEquals(4, collection.path("dimension").asInt());
    }

    @Test
    void aCollectionMadeTheDocsWayIsKeptAndWrittenTo() {
        docsCollection("cosine", 4);
        String id =
                harness.chroma().collection(ChromaHarness.COLLECTION).get("id").asText();
        SinkTasks.write(harness.start(Map.of()), List.of(harness.records().record(0)));
        assertEquals(
                id,
                harness.chroma().collection(ChromaHarness.COLLECTION).get("id").asText());
        assertEquals(
                Set.of(DOCS_RECORD, SegmentRecords.id(0)),
                ChromaStoredPoints.readAll(harness.chroma(), ChromaHarness.COLLECTION)
                        .keySet());
    }

    @Test
    void aCollectionOfAnotherSpaceIsRefusedNamingTheSetting() {
        docsCollection("l2", 4);
        ConnectException error = assertThrows(ConnectException.class, () -> harness.start(Map.of()));
        assertTrue(
                error.getMessage()
                                .startsWith("collection " + ChromaHarness.COLLECTION
                                        + " (database default_database, tenant" + " default_tenant) has the l2 space")
                        && error.getMessage().contains(ChromaSinkConfig.COLLECTION),
                error.getMessage());
    }

    @Test
    void aCollectionOfAnotherDimensionIsRefusedNamingTheSetting() {
        docsCollection("cosine", 8);
        ConnectException error = assertThrows(ConnectException.class, () -> harness.start(Map.of()));
        assertTrue(
                error.getMessage().contains("holds vectors of 8 dimensions, but embedding.dimension is 4"),
                error.getMessage());
    }

    @Test
    void anotherDimensionWrittenAfterTheStartFailsTheWriteNamingTheSetting() {
        VectorSinkTask task =
                harness.start(Map.of("errors.tolerance", "all", "errors.deadletterqueue.topic.name", "dlq"));
        harness.chroma()
                .upsert(ChromaHarness.COLLECTION, DOCS_RECORD, new float[8], Map.of("video_id", SegmentRecords.VIDEO));
        ConnectException error = assertThrows(
                ConnectException.class,
                () -> SinkTasks.write(task, List.of(harness.records().record(0))));
        assertFalse(error instanceof RetriableException, error.toString());
        assertTrue(
                error.getMessage().contains("holds vectors of 8 dimensions, but embedding.dimension is 4"),
                error.getMessage());
        assertTrue(harness.lastContext().errantRecords().isEmpty(), "a setting to fix, not a bad record");
    }

    @Test
    void theCollectionIsInTheConfiguredDatabase() {
        harness.chroma().createDatabase("segments_db");
        SinkTasks.write(
                harness.start(Map.of(ChromaSinkConfig.DATABASE, "segments_db")),
                List.of(harness.records().record(0)));
        assertNull(harness.chroma().collection(ChromaHarness.COLLECTION), "nothing in the default database");
        String path = "/api/v2/tenants/default_tenant/databases/segments_db/collections/" + ChromaHarness.COLLECTION;
        assertEquals(
                4, harness.chroma().call("GET", path, null).path("dimension").asInt());
        harness.chroma().call("DELETE", path, null);
    }

    @Test
    void aMissingDatabaseIsNamed() {
        ChromaHarness.url(); // outside assertThrows, which would take a skip for the failure it waits for
        ConnectException error = assertThrows(
                ConnectException.class, () -> harness.start(Map.of(ChromaSinkConfig.DATABASE, "no_such_db")));
        assertTrue(
                error.getMessage()
                        .contains("has no database no_such_db in tenant default_tenant: create it, or set "
                                + ChromaSinkConfig.DATABASE),
                error.getMessage());
    }

    @Test
    void theSearcherNeedsTheCollectionToExist() {
        try (VectorSearcher searcher = new ChromaSearcherProvider().open(harness.props(Map.of()))) {
            StoreException error = assertThrows(StoreException.class, searcher::checkReachable);
            assertTrue(error.getMessage().endsWith("does not exist; the sink creates it"), error.getMessage());
        }
    }
}
