/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.weaviate.fake.FakeWeaviate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared sink behaviour on the protocol-level Weaviate fake, which must answer as the server does. */
class WeaviateSinkBehaviourTest extends WeaviateSinkBehaviour {

    private static FakeWeaviate fake;
    private static WeaviateTestClient weaviate;

    @BeforeAll
    static void startFake() {
        fake = FakeWeaviate.start();
        weaviate = new WeaviateTestClient(fake.host(), fake.httpPort(), fake.grpcPort());
    }

    @AfterAll
    static void stopFake() {
        weaviate.close();
        fake.close();
    }

    @Override
    protected WeaviateTestClient weaviate() {
        return weaviate;
    }
}
