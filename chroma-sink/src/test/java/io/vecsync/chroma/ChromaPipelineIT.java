/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.SinkPipelineSuite;
import java.util.Map;
import java.util.Set;

/** The pipeline suite against a real Chroma server. */
class ChromaPipelineIT extends SinkPipelineSuite {

    private static final String COLLECTION = "pipeline-segments";

    /** The suite asks for it first: where Chroma is not installed, the test is skipped there, saying why. */
    @Override
    protected Map<String, String> sinkConfig() {
        return Map.of(
                "connector.class",
                ChromaSinkConnector.class.getName(),
                ChromaSinkConfig.URL,
                ChromaHarness.url(),
                ChromaSinkConfig.COLLECTION,
                COLLECTION);
    }

    @Override
    protected Set<String> storedIds() {
        return ChromaStoredPoints.readAll(new ChromaTestCollections(ChromaHarness.url()), COLLECTION)
                .keySet();
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> sinkConfig) {
        return new ChromaSearcherProvider().open(sinkConfig);
    }
}
