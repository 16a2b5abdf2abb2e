/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import io.vecsync.qdrant.fake.FakeQdrant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared sink behaviour against the protocol-level fake Qdrant. */
class QdrantSinkBehaviourTest extends QdrantBehaviourSuite {

    private static FakeQdrant qdrant;

    @BeforeAll
    static void startFake() {
        qdrant = FakeQdrant.start();
    }

    @AfterAll
    static void stopFake() {
        qdrant.close();
    }

    @Override
    protected String host() {
        return qdrant.host();
    }

    @Override
    protected int port() {
        return qdrant.port();
    }
}
