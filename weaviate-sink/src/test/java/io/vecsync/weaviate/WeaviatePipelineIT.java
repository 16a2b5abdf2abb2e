/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.weaviate.fake.FakeWeaviate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The pipeline and refusal suite against the protocol-level fake Weaviate, which must answer as the server does. */
class WeaviatePipelineIT extends WeaviatePipeline {

    private FakeWeaviate fake;
    private WeaviateTestClient weaviate;

    @BeforeAll
    void startWeaviate() {
        fake = FakeWeaviate.start();
        weaviate = new WeaviateTestClient(fake.host(), fake.httpPort(), fake.grpcPort());
    }

    @AfterAll
    void stopWeaviate() {
        weaviate.close();
        fake.close();
    }

    @Override
    protected WeaviateTestClient weaviate() {
        return weaviate;
    }
}
