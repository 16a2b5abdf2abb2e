/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared sink behaviour on the real Weaviate server. */
@ExtendWith(RealWeaviate.class)
class WeaviateSinkBehaviourServerTest extends WeaviateSinkBehaviour {

    private static WeaviateTestClient weaviate;

    @BeforeAll
    static void connect() {
        weaviate = RealWeaviate.client();
    }

    @AfterAll
    static void disconnect() {
        weaviate.dropAll();
        weaviate.close();
    }

    @Override
    protected WeaviateTestClient weaviate() {
        return weaviate;
    }
}
