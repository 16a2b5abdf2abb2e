/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.StoredPoint;
import io.vecsync.testing.VectorSinkBehaviourSuite;
import java.util.Map;

/** The shared sink behaviour against a real Chroma server, read back over its API outside the sink. */
class ChromaSinkBehaviourTest extends VectorSinkBehaviourSuite {

    private static final String COLLECTION = "behaviour-segments";
    private ChromaTestCollections chroma;

    /** Chroma outside the sink; the suite's first call to a hook, dropping the target, skips the test where Chroma is not installed. */
    private ChromaTestCollections chroma() {
        if (chroma == null) {
            chroma = new ChromaTestCollections(ChromaHarness.url());
        }
        return chroma;
    }

    @Override
    protected VectorSinkTask newTask() {
        return new ChromaSinkTask();
    }

    @Override
    protected Map<String, String> storeProps() {
        return Map.of(ChromaSinkConfig.URL, ChromaHarness.url(), ChromaSinkConfig.COLLECTION, COLLECTION);
    }

    @Override
    protected Map<String, StoredPoint> readAll() {
        return ChromaStoredPoints.readAll(chroma(), COLLECTION);
    }

    /** Chroma fixes a collection's dimension at its first record: the docs' collection, holding one of that dimension. */
    @Override
    protected void createTargetWithDimension(int dimension) {
        chroma().createTheDocsWay(COLLECTION, "cosine");
        float[] vector = new float[dimension];
        vector[0] = 1;
        chroma().upsert(
                        COLLECTION,
                        "6a1b4c3e-0c8f-5e55-9a39-6a4f3a0f1e01",
                        vector,
                        Map.of("video_id", SegmentRecords.VIDEO));
    }

    @Override
    protected void dropTarget() {
        chroma().drop(COLLECTION);
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> props) {
        return new ChromaSearcherProvider().open(props);
    }
}
