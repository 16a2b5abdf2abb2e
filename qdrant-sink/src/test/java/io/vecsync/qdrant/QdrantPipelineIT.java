/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import io.vecsync.qdrant.fake.FakeQdrant;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.SinkRefusalSuite;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The pipeline and refusal suite against the protocol-level fake Qdrant, with an API key. */
class QdrantPipelineIT extends SinkRefusalSuite {

    private static final String COLLECTION = "pipeline-segments";
    private FakeQdrant qdrant;

    @BeforeAll
    void startQdrant() {
        qdrant = FakeQdrant.start("pipeline-key");
    }

    @AfterAll
    void stopQdrant() {
        qdrant.close();
    }

    @Override
    protected Map<String, String> sinkConfig() {
        return Map.of(
                "connector.class",
                QdrantSinkConnector.class.getName(),
                QdrantSinkConfig.HOST,
                qdrant.host(),
                QdrantSinkConfig.PORT,
                Integer.toString(qdrant.port()),
                QdrantSinkConfig.API_KEY,
                "pipeline-key",
                QdrantSinkConfig.COLLECTION,
                COLLECTION);
    }

    @Override
    protected Set<String> storedIds() {
        return qdrant.points(COLLECTION).keySet();
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> sinkConfig) {
        return new QdrantSearcherProvider().open(sinkConfig);
    }

    /** Qdrant refuses a whole upsert for one point in it. */
    @Override
    protected String refusePoisonedPoints() {
        qdrant.deleteAllCollections();
        qdrant.refusePayloadKey(POISON);
        return "INVALID_ARGUMENT (Wrong input: payload key 'poison' is refused by the fake Qdrant)";
    }

    @Override
    protected void stopRefusing() {
        qdrant.deleteAllCollections();
        qdrant.refusePayloadKey(null);
    }
}
