/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.vecsync.pinecone.fake.FakePinecone;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.SinkRefusalSuite;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The pipeline and refusal suite against the protocol-level fake Pinecone (gRPC data plane, REST control plane). */
class PineconePipelineIT extends SinkRefusalSuite {

    private static final String INDEX = "video-segments";
    private FakePinecone pinecone;

    @BeforeAll
    void startPinecone() {
        pinecone = FakePinecone.start("pipeline-key");
    }

    @AfterAll
    void stopPinecone() {
        pinecone.close();
    }

    @Override
    protected Map<String, String> sinkConfig() {
        Map<String, String> config = new LinkedHashMap<>(PineconeTestProps.of(pinecone, INDEX));
        config.put("connector.class", PineconeSinkConnector.class.getName());
        return config;
    }

    @Override
    protected Set<String> storedIds() {
        return PineconeTestProps.stored(pinecone, INDEX, "").keySet();
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> sinkConfig) {
        return new PineconeSearcherProvider().open(sinkConfig);
    }

    /** Pinecone refuses a whole upsert for one vector in it. */
    @Override
    protected String refusePoisonedPoints() {
        pinecone.deleteIndex(INDEX);
        pinecone.refuseMetadataField(POISON);
        return "INVALID_ARGUMENT: Metadata field 'poison' is refused by the fake Pinecone";
    }

    @Override
    protected void stopRefusing() {
        pinecone.deleteIndex(INDEX);
        pinecone.clearFaults();
    }
}
