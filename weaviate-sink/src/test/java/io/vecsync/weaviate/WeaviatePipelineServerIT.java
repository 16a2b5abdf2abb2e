/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pipeline and refusal suite against the real Weaviate server. */
@ExtendWith(RealWeaviate.class)
class WeaviatePipelineServerIT extends WeaviatePipeline {

    private WeaviateTestClient weaviate;

    @BeforeAll
    void connect() {
        weaviate = RealWeaviate.client();
        weaviate.dropAll();
    }

    @AfterAll
    void disconnect() {
        weaviate.dropAll();
        weaviate.close();
    }

    @Override
    protected WeaviateTestClient weaviate() {
        return weaviate;
    }
}
