/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.vecsync.core.SegmentSchema;
import io.vecsync.core.sink.StoreErrors;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.StoreException;
import io.vecsync.search.VectorSearcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Nearest segments by Chroma's query endpoint, as the platform docs' {@code coll.query}. In the cosine space Chroma
 * answers the cosine distance, so the score is {@code 1 - distance}: the cosine similarity, as on every store. The
 * video filter runs in Chroma ({@code $in} on video_id); the score floor here, on hits that come best first. The
 * segment count is Chroma's exact record count.
 */
final class ChromaSearcher implements VectorSearcher {

    private static final TypeReference<LinkedHashMap<String, Object>> METADATA = new TypeReference<>() {};

    private final ChromaClient client;
    private final ChromaCollectionAdmin admin;
    private ChromaCollection collection;

    ChromaSearcher(ChromaSinkConfig config) {
        this.client = new ChromaClient(config);
        this.admin = new ChromaCollectionAdmin(config, client);
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("query_embeddings", List.of(request.vector()));
        query.put("n_results", request.topK());
        query.put("include", List.of("metadatas", "distances"));
        if (!request.videoIds().isEmpty()) {
            query.put("where", Map.of(SegmentSchema.VIDEO_ID, Map.of("$in", request.videoIds())));
        }
        JsonNode answer =
                onCollection("searching " + admin.where(), (path, what) -> client.post(path + "/query", query, what));
        JsonNode ids = answer.path("ids").path(0);
        JsonNode distances = answer.path("distances").path(0);
        JsonNode metadatas = answer.path("metadatas").path(0);
        List<SearchHit> hits = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            double score = 1 - distances.path(i).asDouble();
            if (request.minScore() != null && score < request.minScore()) {
                break;
            }
            JsonNode metadata = metadatas.path(i);
            hits.add(new SearchHit(
                    ids.get(i).asText(),
                    score,
                    metadata.isObject() ? ChromaClient.JSON.convertValue(metadata, METADATA) : new LinkedHashMap<>()));
        }
        return hits;
    }

    /** The record count of the collection, exact ({@code GET .../count}). */
    @Override
    public OptionalLong segmentCount() {
        String doing = "counting the records of " + admin.where();
        JsonNode count = onCollection(doing, (path, what) -> client.get(path + "/count", what));
        if (!count.isIntegralNumber()) {
            throw new StoreException(doing + ": Chroma answered with " + count + ", not a count");
        }
        return OptionalLong.of(count.asLong());
    }

    /** A request on the collection's path, its failures as a searcher's. */
    private JsonNode onCollection(String doing, CollectionRequest request) {
        try {
            return request.send(
                    client.databasePath() + "/collections/" + collection().id(), doing);
        } catch (ChromaRefusal refusal) {
            if (refusal.notFound()) {
                // Deleted, maybe created again by the sink under a new id: the next call looks it up again.
                forget();
            }
            throw StoreErrors.forSearch(refusal);
        } catch (ConnectException e) {
            throw StoreErrors.forSearch(e);
        }
    }

    /** One request below a collection's path. */
    @FunctionalInterface
    private interface CollectionRequest {
        JsonNode send(String collectionPath, String doing);
    }

    private synchronized ChromaCollection collection() {
        if (collection == null) {
            collection = admin.inspect();
        }
        return collection;
    }

    private synchronized void forget() {
        collection = null;
    }

    /** Looks the collection up afresh: a health check sees it as it is now. */
    @Override
    public void checkReachable() {
        ChromaCollection found;
        try {
            found = admin.inspect();
        } catch (ConnectException e) {
            throw StoreErrors.forSearch(e);
        }
        synchronized (this) {
            collection = found;
        }
    }

    /** The JDK's HTTP client holds nothing that outlives its last request. */
    @Override
    public void close() {}
}
