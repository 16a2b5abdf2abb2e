/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.SinkRefusalSuite;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The pipeline and refusal suite on a Weaviate the subclass provides: the fake, or the real server. */
abstract class WeaviatePipeline extends SinkRefusalSuite {

    private static final String COLLECTION = "VideoSegment";

    /** The Weaviate under test. */
    protected abstract WeaviateTestClient weaviate();

    @Override
    protected Map<String, String> sinkConfig() {
        Map<String, String> config = new HashMap<>(weaviate().sinkProps());
        config.put("connector.class", WeaviateSinkConnector.class.getName());
        config.put(WeaviateSinkConfig.COLLECTION, COLLECTION);
        return config;
    }

    @Override
    protected Set<String> storedIds() {
        return weaviate().ids(COLLECTION);
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> sinkConfig) {
        return new WeaviateSearcherProvider().open(sinkConfig);
    }

    /** A geoCoordinates property: Weaviate refuses a string for it, object by object, and keeps the others. */
    @Override
    protected String refusePoisonedPoints() {
        weaviate().dropAll();
        weaviate()
                .createCollection("{\"class\":\"" + COLLECTION
                        + "\",\"vectorConfig\":{\"default\":{\"vectorIndexType\":\"hnsw\",\"vectorizer\":{\"none\":{}}}},"
                        + "\"properties\":[{\"name\":\"" + POISON + "\",\"dataType\":[\"geoCoordinates\"]}]}");
        return "invalid geoCoordinates property '" + POISON + "' on class '" + COLLECTION
                + "': geoCoordinates must be a map, but got: string";
    }

    @Override
    protected void stopRefusing() {
        weaviate().dropAll();
    }
}
