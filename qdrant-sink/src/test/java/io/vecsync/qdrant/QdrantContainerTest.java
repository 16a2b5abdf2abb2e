/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.qdrant.QdrantContainer;

/** The shared sink behaviour against a real Qdrant server in a container; skipped where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class QdrantContainerTest extends QdrantBehaviourSuite {

    /** The server version the client was built against (X-Qdrant-Version in its manifest); -Dvecsync.qdrant.image overrides it. */
    private static final String IMAGE = System.getProperty("vecsync.qdrant.image", "qdrant/qdrant:v1.18.0");

    @Container
    private static final QdrantContainer QDRANT = new QdrantContainer(IMAGE);

    @Override
    protected String host() {
        return QDRANT.getHost();
    }

    @Override
    protected int port() {
        return QDRANT.getGrpcPort();
    }
}
