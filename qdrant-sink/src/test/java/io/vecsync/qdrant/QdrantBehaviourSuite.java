/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import io.qdrant.client.grpc.Collections.Distance;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.qdrant.fake.FakeQdrant;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.StoredPoint;
import io.vecsync.testing.VectorSinkBehaviourSuite;
import java.util.Map;

/** The shared sink behaviour on a Qdrant server at {@link #host()}:{@link #port()}, read back with the official client. */
abstract class QdrantBehaviourSuite extends VectorSinkBehaviourSuite {

    static final String COLLECTION = "behaviour-segments";
    private QdrantTestCollections direct;

    protected abstract String host();

    protected abstract int port();

    private QdrantTestCollections direct() {
        if (direct == null) {
            direct = new QdrantTestCollections(host(), port(), null);
        }
        return direct;
    }

    @Override
    protected VectorSinkTask newTask() {
        return new QdrantSinkTask();
    }

    @Override
    protected Map<String, String> storeProps() {
        return Map.of(
                QdrantSinkConfig.HOST,
                host(),
                QdrantSinkConfig.PORT,
                Integer.toString(port()),
                QdrantSinkConfig.COLLECTION,
                COLLECTION);
    }

    @Override
    protected Map<String, StoredPoint> readAll() {
        return direct().readAll(COLLECTION, null);
    }

    @Override
    protected void createTargetWithDimension(int dimension) {
        direct().create(COLLECTION, FakeQdrant.unnamed(dimension, Distance.Cosine));
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> props) {
        return new QdrantSearcherProvider().open(props);
    }

    @Override
    protected void dropTarget() {
        direct().drop(COLLECTION);
    }
}
