/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import io.qdrant.client.ConditionFactory;
import io.qdrant.client.QueryFactory;
import io.qdrant.client.WithPayloadSelectorFactory;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.vecsync.core.SegmentSchema;
import io.vecsync.core.sink.StoreErrors;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.VectorSearcher;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Nearest segments by Qdrant's Query API. With the Cosine distance Qdrant normalises vectors and scores by their dot
 * product, which is already the cosine similarity; the video filter and the score floor run inside the server. The
 * segment count is Qdrant's approximate one, which Qdrant documents as possibly off while it indexes.
 */
final class QdrantSearcher implements VectorSearcher {

    private final QdrantConnection connection;
    private final String collection;
    private final String vectorName;

    QdrantSearcher(QdrantSinkConfig config) {
        this.connection = QdrantConnection.open(config);
        this.collection = config.collection();
        this.vectorName = config.vectorName();
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        QueryPoints.Builder query = QueryPoints.newBuilder()
                .setCollectionName(collection)
                .setQuery(QueryFactory.nearest(request.vector()))
                .setLimit(request.topK())
                .setWithPayload(WithPayloadSelectorFactory.enable(true));
        if (vectorName != null) {
            query.setUsing(vectorName);
        }
        if (!request.videoIds().isEmpty()) {
            query.setFilter(Filter.newBuilder()
                    .addMust(ConditionFactory.matchKeywords(SegmentSchema.VIDEO_ID, request.videoIds())));
        }
        if (request.minScore() != null) {
            query.setScoreThreshold(request.minScore().floatValue());
        }
        String doing = "searching collection " + collection;
        try {
            return connection.await(doing, connection.points().query(query.build())).getResultList().stream()
                    .map(QdrantSearcher::hit)
                    .toList();
        } catch (ConnectException e) {
            throw StoreErrors.forSearch(e);
        }
    }

    private static SearchHit hit(ScoredPoint point) {
        return new SearchHit(id(point.getId()), point.getScore(), QdrantPayload.decode(point.getPayloadMap()));
    }

    private static String id(PointId id) {
        return id.hasUuid() ? id.getUuid() : Long.toUnsignedString(id.getNum());
    }

    /** Qdrant's approximate count (exact=false): its segments' point counts, without a pass over every point id. */
    @Override
    public OptionalLong segmentCount() {
        CountPoints count = CountPoints.newBuilder()
                .setCollectionName(collection)
                .setExact(false)
                .build();
        try {
            return OptionalLong.of(connection
                    .await(
                            "counting the points of collection " + collection,
                            connection.points().count(count))
                    .getResult()
                    .getCount());
        } catch (ConnectException e) {
            throw StoreErrors.forSearch(e);
        }
    }

    @Override
    public void checkReachable() {
        try {
            connection.await(
                    "reading collection " + collection,
                    connection
                            .collections()
                            .get(GetCollectionInfoRequest.newBuilder()
                                    .setCollectionName(collection)
                                    .build()));
        } catch (ConnectException e) {
            throw StoreErrors.forSearch(e);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
