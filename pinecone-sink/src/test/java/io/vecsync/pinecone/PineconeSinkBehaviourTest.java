/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.pinecone.fake.FakePinecone;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.StoredPoint;
import io.vecsync.testing.VectorSinkBehaviourSuite;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The shared sink behaviour against the Pinecone fake, through the official client. */
class PineconeSinkBehaviourTest extends VectorSinkBehaviourSuite {

    private static final String INDEX = "behaviour-segments";
    private static final FakePinecone FAKE = FakePinecone.start("behaviour-key");

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @Override
    protected VectorSinkTask newTask() {
        return new PineconeSinkTask();
    }

    @Override
    protected Map<String, String> storeProps() {
        return PineconeTestProps.of(FAKE, INDEX);
    }

    @Override
    protected Map<String, StoredPoint> readAll() {
        return PineconeTestProps.stored(FAKE, INDEX, "");
    }

    @Override
    protected void createTargetWithDimension(int dimension) {
        FAKE.createIndex(INDEX, dimension, "cosine");
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> props) {
        return new PineconeSearcherProvider().open(props);
    }

    @Override
    protected void dropTarget() {
        FAKE.deleteIndex(INDEX);
    }
}
