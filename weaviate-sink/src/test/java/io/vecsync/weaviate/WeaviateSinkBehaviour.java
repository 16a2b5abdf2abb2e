/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.StoredPoint;
import io.vecsync.testing.VectorSinkBehaviourSuite;
import java.util.HashMap;
import java.util.Map;

/** The shared sink behaviour on a Weaviate the subclass provides: the fake, or a real server. */
abstract class WeaviateSinkBehaviour extends VectorSinkBehaviourSuite {

    private static final String COLLECTION = "BehaviourSegment";

    /** The Weaviate under test. */
    protected abstract WeaviateTestClient weaviate();

    @Override
    protected VectorSinkTask newTask() {
        return new WeaviateSinkTask();
    }

    @Override
    protected Map<String, String> storeProps() {
        Map<String, String> props = new HashMap<>(weaviate().sinkProps());
        props.put(WeaviateSinkConfig.COLLECTION, COLLECTION);
        return props;
    }

    @Override
    protected Map<String, StoredPoint> readAll() {
        return weaviate().readAll(COLLECTION);
    }

    /** The platform docs' collection, holding one object whose vector has the other dimension. */
    @Override
    protected void createTargetWithDimension(int dimension) {
        weaviate().createDocsCollection(COLLECTION);
        weaviate()
                .insert(
                        COLLECTION,
                        "6a1b4c3e-0c8f-5e55-9a39-6a4f3a0f1e01",
                        vector(1, dimension),
                        "a249266f-052d-4148-bc2f-3efa76dc4269");
    }

    private static float[] vector(int seed, int dimension) {
        float[] vector = new float[dimension];
        vector[seed % dimension] = 1;
        return vector;
    }

    @Override
    protected void dropTarget() {
        weaviate().drop(COLLECTION);
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> props) {
        return new WeaviateSearcherProvider().open(props);
    }
}
