/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.core.SegmentSchema;
import io.vecsync.core.sink.StoreErrors;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.StoreUnavailableException;
import io.vecsync.search.VectorSearcher;
import io.weaviate.client6.v1.api.collections.CollectionHandle;
import io.weaviate.client6.v1.api.collections.WeaviateObject;
import io.weaviate.client6.v1.api.collections.query.Filter;
import io.weaviate.client6.v1.api.collections.query.Metadata;
import io.weaviate.client6.v1.api.collections.query.Target;
import io.weaviate.client6.v1.api.collections.tenants.Tenant;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Nearest segments by a near-vector query over gRPC. Weaviate returns the cosine distance (0 to 2), so the score is
 * {@code 1 - distance}. With tenants named by a field, every tenant is searched and the hits merged. A video filter is
 * exact on the sink's own collection (video_id tokenized as one field); on one whose video_id is split into words, as the
 * platform docs create it, Weaviate's filter also matches other ids holding the same words, so those hits are dropped
 * here and the next page asked for. The segment count is Weaviate's object count, over every tenant searched.
 */
final class WeaviateSearcher implements VectorSearcher {

    /** Weaviate's QUERY_MAXIMUM_RESULTS: how far offset and limit may reach together. */
    private static final int MAX_RESULTS = 10_000;

    private final WeaviateSinkConfig config;
    private final WeaviateConnection connection;
    private final WeaviateCollectionAdmin admin;
    private CollectionDefinition definition;

    WeaviateSearcher(WeaviateSinkConfig config) {
        this.config = config;
        this.connection = new WeaviateConnection(config);
        this.admin = new WeaviateCollectionAdmin(config, connection);
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        List<SearchHit> hits = new ArrayList<>();
        try {
            CollectionDefinition collection = definition();
            for (Optional<String> tenant : tenants()) {
                hits.addAll(search(collection, tenant, request));
            }
        } catch (ConnectException e) {
            throw StoreErrors.forSearch(e);
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return hits.size() > request.topK() ? List.copyOf(hits.subList(0, request.topK())) : hits;
    }

    /** Weaviate's object count (Aggregate's meta count), summed over the tenants searched. */
    @Override
    public OptionalLong segmentCount() {
        long count = 0;
        try {
            String collection = definition().name();
            for (Optional<String> tenant : tenants()) {
                count += size(collection, tenant);
            }
        } catch (ConnectException e) {
            throw StoreErrors.forSearch(e);
        }
        return OptionalLong.of(count);
    }

    private long size(String collection, Optional<String> tenant) {
        CollectionHandle<Map<String, Object>> shard = shard(collection, tenant);
        try {
            return shard.size();
        } catch (RuntimeException e) {
            throw WeaviateErrors.INSTANCE.classify("counting the objects of " + where(collection, tenant), e);
        }
    }

    /** The collection's handle, for one tenant when given. */
    private CollectionHandle<Map<String, Object>> shard(String collection, Optional<String> tenant) {
        CollectionHandle<Map<String, Object>> handle =
                connection.client().collections.use(collection);
        return tenant.map(handle::withTenant).orElse(handle);
    }

    /** The collection, and the tenant when given, for messages. */
    private static String where(String collection, Optional<String> tenant) {
        return "collection " + collection + tenant.map(t -> ", tenant " + t).orElse("");
    }

    /** The best hits of one tenant (or of the collection), a page of topK at a time while hits of other videos fill pages. */
    private List<SearchHit> search(CollectionDefinition collection, Optional<String> tenant, SearchRequest request) {
        CollectionHandle<Map<String, Object>> shard = shard(collection.name(), tenant);
        Set<String> videos = Set.copyOf(request.videoIds());
        boolean exact = videos.isEmpty() || collection.filtersExactly(SegmentSchema.VIDEO_ID);
        List<SearchHit> hits = new ArrayList<>();
        for (int offset = 0; ; offset += request.topK()) {
            List<WeaviateObject<Map<String, Object>>> page = page(shard, collection, tenant, request, offset);
            boolean belowMinScore = false;
            for (WeaviateObject<Map<String, Object>> object : page) {
                double score = 1 - object.queryMetadata().distance();
                belowMinScore = request.minScore() != null && score < request.minScore();
                if (!belowMinScore
                        && (exact
                                || videos.contains(
                                        String.valueOf(object.properties().get(SegmentSchema.VIDEO_ID))))) {
                    hits.add(new SearchHit(object.uuid(), score, payload(object)));
                }
            }
            if (exact
                    || belowMinScore
                    || hits.size() >= request.topK()
                    || page.size() < request.topK()
                    || offset + 2L * request.topK() > MAX_RESULTS) {
                return hits;
            }
        }
    }

    private List<WeaviateObject<Map<String, Object>>> page(
            CollectionHandle<Map<String, Object>> shard,
            CollectionDefinition collection,
            Optional<String> tenant,
            SearchRequest request,
            int offset) {
        try {
            return shard.query
                    .nearVector(target(collection, request.vector()), query -> {
                        query.limit(request.topK()).offset(offset).returnMetadata(Metadata.DISTANCE);
                        if (!request.videoIds().isEmpty()) {
                            query.filters(
                                    Filter.property(SegmentSchema.VIDEO_ID).containsAny(request.videoIds()));
                        }
                        return query;
                    })
                    .objects();
        } catch (RuntimeException e) {
            throw WeaviateErrors.INSTANCE.classify("searching " + where(collection.name(), tenant), e);
        }
    }

    /** The hit's properties; Weaviate answers those the segment lacks as null, and a segment has only what it holds. */
    private static Map<String, Object> payload(WeaviateObject<Map<String, Object>> object) {
        Map<String, Object> payload = new LinkedHashMap<>();
        object.properties().forEach((name, value) -> {
            if (value != null) {
                payload.put(name, value);
            }
        });
        return payload;
    }

    /** The legacy vector is searched unnamed, a named one by its name. */
    private static Target.VectorTarget target(CollectionDefinition collection, float[] vector) {
        return collection.legacyVector() ? Target.vector(vector) : Target.vector(collection.vectorName(), vector);
    }

    private List<Optional<String>> tenants() {
        if (config.tenantField().isEmpty()) {
            return List.of(config.tenant());
        }
        try {
            return connection.client().collections.use(config.collection()).tenants.list().stream()
                    .map(Tenant::name)
                    .map(Optional::of)
                    .toList();
        } catch (RuntimeException e) {
            throw WeaviateErrors.INSTANCE.classify("listing the tenants of collection " + config.collection(), e);
        }
    }

    private synchronized CollectionDefinition definition() {
        if (definition == null) {
            definition = admin.inspect();
        }
        return definition;
    }

    @Override
    public void checkReachable() {
        boolean ready;
        try {
            ready = connection.client().isReady();
        } catch (IOException | RuntimeException e) {
            throw WeaviateErrors.INSTANCE.classifyForSearch("checking that Weaviate is ready", e);
        }
        if (!ready) {
            throw new StoreUnavailableException("Weaviate at " + config.host() + " is not ready");
        }
        try {
            definition();
        } catch (ConnectException e) {
            throw StoreErrors.forSearch(e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
