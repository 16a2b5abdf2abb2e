package io.vecsync.qdrant;

import io.vecsync.testing.qdrant.QdrantFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared sink behaviour against the protocol-level fake Qdrant. */
class QdrantSinkBehaviourTest extends QdrantBehaviourSuite {

    private static QdrantFake qdrant;

    @BeforeAll
    static void startFake() {
        qdrant = QdrantFake.start();
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
