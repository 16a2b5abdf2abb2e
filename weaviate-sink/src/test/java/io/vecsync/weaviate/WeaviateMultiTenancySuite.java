/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkTasks;
import io.weaviate.client6.v1.api.collections.tenants.Tenant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** Segments in tenants of a multi-tenant collection: one tenant from config, or each segment's from a field. */
abstract class WeaviateMultiTenancySuite {

    private static final Map<String, String> FIELD = Map.of(
            WeaviateSinkConfig.TENANT_FIELD,
            "customer",
            "errors.tolerance",
            "all",
            "errors.deadletterqueue.topic.name",
            "dlq");

    /** The harness of the Weaviate under test. */
    abstract WeaviateHarness harness();

    private Set<String> stored(String tenant) {
        return harness().weaviate().ids(WeaviateHarness.COLLECTION, tenant);
    }

    private Set<String> tenants() {
        return Set.copyOf(harness().weaviate().tenants(WeaviateHarness.COLLECTION));
    }

    @Test
    void aConfiguredTenantIsCreatedWithAMultiTenantCollectionAndHoldsEverySegment() {
        VectorSinkTask task = harness().start(Map.of(WeaviateSinkConfig.TENANT, "acme"));
        assertTrue(harness()
                .weaviate()
                .definition(WeaviateHarness.COLLECTION)
                .getAsJsonObject("multiTenancyConfig")
                .get("enabled")
                .getAsBoolean());
        assertEquals(Set.of("acme"), tenants(), "created at start, before any write");

        SinkTasks.write(
                task, List.of(harness().records().record(0), harness().records().record(1)));
        SinkTasks.write(task, List.of(harness().records().tombstone(0)));
        assertEquals(Set.of(SegmentRecords.id(1)), stored("acme"));

        try (VectorSearcher searcher =
                new WeaviateSearcherProvider().open(harness().props(Map.of(WeaviateSinkConfig.TENANT, "acme")))) {
            assertEquals(
                    List.of(SegmentRecords.id(1)),
                    ids(searcher.search(new SearchRequest(new float[] {1, 0.5f, 0.25f, 1}, 5, List.of(), null))));
        }
    }

    @Test
    void aTenantFieldSpreadsSegmentsOverTenantsCreatedOnDemand() {
        VectorSinkTask task = harness().start(FIELD);
        SinkTasks.write(
                task,
                List.of(
                        harness().records().record(0, Map.of("customer", "acme")),
                        harness().records().record(1, Map.of("customer", "globex")),
                        harness().records().record(2, Map.of("customer", "acme"))));
        assertEquals(Set.of("acme", "globex"), tenants());
        assertEquals(Set.of(SegmentRecords.id(0), SegmentRecords.id(2)), stored("acme"));
        assertEquals(Set.of(SegmentRecords.id(1)), stored("globex"));
        assertEquals(
                "acme",
                harness()
                        .weaviate()
                        .readAll(WeaviateHarness.COLLECTION, "acme")
                        .get(SegmentRecords.id(0))
                        .payload()
                        .get("customer"),
                "the tenant field stays a property");
    }

    @Test
    void aTombstoneWithoutATenantDeletesItsIdFromEveryTenant() {
        VectorSinkTask task = harness().start(FIELD);
        SinkTasks.write(
                task,
                List.of(
                        harness().records().record(0, Map.of("customer", "acme")),
                        harness().records().record(1, Map.of("customer", "globex")),
                        harness().records().record(2, Map.of("customer", "globex"))));
        SinkTasks.write(
                task,
                List.of(harness().records().tombstone(0), harness().records().tombstone(1)));
        assertEquals(Set.of(), stored("acme"));
        assertEquals(Set.of(SegmentRecords.id(2)), stored("globex"));
    }

    @Test
    void aSegmentWithoutAValidTenantGoesToTheDeadLetterQueue() {
        VectorSinkTask task = harness().start(FIELD);
        SinkRecord missing = harness().records().record(0);
        SinkRecord invalid = harness().records().record(1, Map.of("customer", "acme corp"));
        SinkTasks.write(task, List.of(missing, invalid, harness().records().record(2, Map.of("customer", "acme"))));
        assertEquals(List.of(missing, invalid), harness().lastContext().errantRecords());
        assertTrue(
                harness()
                        .lastContext()
                        .errantReasons()
                        .get(0)
                        .getMessage()
                        .contains("field 'customer': missing; it names the segment's tenant"),
                harness().lastContext().errantReasons().get(0).getMessage());
        assertEquals(Set.of(SegmentRecords.id(2)), stored("acme"));
    }

    @Test
    void theSearcherMergesTheHitsOfEveryTenantBestFirst() {
        SinkTasks.write(
                harness().start(FIELD),
                List.of(
                        harness().records().record(0, List.of(1.0, 0.0, 0.0, 0.0), Map.of("customer", "acme")),
                        harness().records().record(1, List.of(0.9, 0.1, 0.0, 0.0), Map.of("customer", "globex")),
                        harness().records().record(2, List.of(0.0, 1.0, 0.0, 0.0), Map.of("customer", "globex"))));
        try (VectorSearcher searcher =
                new WeaviateSearcherProvider().open(harness().props(FIELD))) {
            List<SearchHit> hits = searcher.search(new SearchRequest(new float[] {1, 0, 0, 0}, 2, List.of(), null));
            assertEquals(List.of(SegmentRecords.id(0), SegmentRecords.id(1)), ids(hits));
            assertEquals(1.0, hits.get(0).score(), 1e-6);
        }
    }

    @Test
    void theSearcherCountsTheSegmentsOfEveryTenant() {
        VectorSinkTask task = harness().start(FIELD);
        SinkTasks.write(
                task,
                List.of(
                        harness().records().record(0, Map.of("customer", "acme")),
                        harness().records().record(1, Map.of("customer", "globex")),
                        harness().records().record(2, Map.of("customer", "globex")),
                        harness().records().record(3, Map.of("customer", "initech"))));
        SinkTasks.write(task, List.of(harness().records().tombstone(1)));
        try (VectorSearcher searcher =
                new WeaviateSearcherProvider().open(harness().props(FIELD))) {
            assertEquals(OptionalLong.of(3), searcher.segmentCount());
        }
    }

    @Test
    void anInactiveTenantIsActivatedBeforeWriting() throws Exception {
        harness()
                .weaviate()
                .createCollection("{\"class\":\"" + WeaviateHarness.COLLECTION
                        + "\",\"vectorConfig\":{\"default\":{\"vectorIndexType\":\"hnsw\",\"vectorizer\":"
                        + "{\"none\":{}}}},\"multiTenancyConfig\":{\"enabled\":true}}");
        harness()
                .weaviate()
                .client()
                .collections
                .use(WeaviateHarness.COLLECTION)
                .tenants
                .create(Tenant.inactive("acme"));
        SinkTasks.write(
                harness().start(Map.of(WeaviateSinkConfig.TENANT, "acme")),
                List.of(harness().records().record(0)));
        assertEquals(Set.of(SegmentRecords.id(0)), stored("acme"));
    }

    @Test
    void tenancyMustMatchTheExistingCollection() {
        harness().weaviate().createDocsCollection(WeaviateHarness.COLLECTION);
        ConnectException plain =
                assertThrows(ConnectException.class, () -> harness().start(Map.of(WeaviateSinkConfig.TENANT, "acme")));
        assertEquals(
                "collection " + WeaviateHarness.COLLECTION
                        + " has multi-tenancy disabled, but weaviate.tenant is set: unset it,"
                        + " or use a multi-tenant weaviate.collection",
                plain.getMessage());

        harness().reset();
        harness()
                .weaviate()
                .createCollection(
                        "{\"class\":\"" + WeaviateHarness.COLLECTION + "\",\"multiTenancyConfig\":{\"enabled\":true}}");
        ConnectException tenanted =
                assertThrows(ConnectException.class, () -> harness().start(Map.of()));
        assertTrue(
                tenanted.getMessage()
                        .contains("has multi-tenancy enabled: set weaviate.tenant or weaviate.tenant.field"),
                tenanted.getMessage());
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::segmentId).collect(Collectors.toList());
    }
}
