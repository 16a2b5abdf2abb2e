/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.pinecone.clients.Index;
import io.pinecone.proto.DescribeIndexStatsResponse;
import io.pinecone.proto.NamespaceSummary;
import io.pinecone.unsigned_indices_model.ScoredVectorWithUnsignedIndices;
import io.vecsync.core.FloatListView;
import io.vecsync.core.SegmentSchema;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.VectorSearcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * Nearest segments by Pinecone's query. A cosine index scores by cosine similarity, so the score is the hit's as is.
 * With a namespace per topic, every topic's namespace is queried and the hits merged. The segment count is the
 * index stats' vector count of those namespaces, which Pinecone keeps eventually consistent: writes show in it shortly
 * after, not at once.
 */
final class PineconeSearcher implements VectorSearcher {

    /** The default namespace ("" to the data-plane calls) as the index stats of newer Pinecone API versions name it. */
    private static final String DEFAULT_NAMESPACE = "__default__";

    private final IndexConnection connection;
    private final List<String> namespaces;

    PineconeSearcher(PineconeSinkConfig config, List<String> namespaces) {
        this.connection = new IndexConnection(config);
        // A topic listed twice is one namespace, searched and counted once.
        this.namespaces = List.copyOf(new LinkedHashSet<>(namespaces));
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        Struct filter = request.videoIds().isEmpty() ? null : videoFilter(request.videoIds());
        List<SearchHit> hits = new ArrayList<>();
        try {
            Index index = connection.index();
            for (String namespace : namespaces) {
                for (ScoredVectorWithUnsignedIndices match : index.query(
                                request.topK(),
                                new FloatListView(request.vector()),
                                null,
                                null,
                                null,
                                namespace,
                                filter,
                                false,
                                true)
                        .getMatchesList()) {
                    if (request.minScore() == null || match.getScore() >= request.minScore()) {
                        hits.add(new SearchHit(
                                match.getId(), match.getScore(), PineconeMetadata.fromStruct(match.getMetadata())));
                    }
                }
            }
        } catch (RuntimeException e) {
            throw PineconeErrors.INSTANCE.classifyForSearch("searching index " + connection.indexName(), e);
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return hits.size() <= request.topK() ? hits : List.copyOf(hits.subList(0, request.topK()));
    }

    /** {@code {"video_id": {"$in": [...]}}}, Pinecone's metadata filter. */
    private static Struct videoFilter(List<String> videoIds) {
        ListValue.Builder ids = ListValue.newBuilder();
        videoIds.forEach(id -> ids.addValues(Value.newBuilder().setStringValue(id)));
        Struct in = Struct.newBuilder()
                .putFields("$in", Value.newBuilder().setListValue(ids).build())
                .build();
        return Struct.newBuilder()
                .putFields(
                        SegmentSchema.VIDEO_ID,
                        Value.newBuilder().setStructValue(in).build())
                .build();
    }

    /** The vector counts of the namespaces searched, from the index's stats. */
    @Override
    public OptionalLong segmentCount() {
        DescribeIndexStatsResponse stats;
        try {
            stats = connection.index().describeIndexStats();
        } catch (RuntimeException e) {
            throw PineconeErrors.INSTANCE.classifyForSearch(
                    "counting the vectors of index " + connection.indexName(), e);
        }
        long count = 0;
        for (String namespace : namespaces) {
            count += vectorCount(stats, namespace);
            if (namespace.isEmpty()) {
                count += vectorCount(stats, DEFAULT_NAMESPACE);
            }
        }
        return OptionalLong.of(count);
    }

    private static long vectorCount(DescribeIndexStatsResponse stats, String namespace) {
        return stats.getNamespacesOrDefault(namespace, NamespaceSummary.getDefaultInstance())
                .getVectorCount();
    }

    @Override
    public void checkReachable() {
        try {
            connection.index().describeIndexStats();
        } catch (RuntimeException e) {
            throw PineconeErrors.INSTANCE.classifyForSearch("reaching index " + connection.indexName(), e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
