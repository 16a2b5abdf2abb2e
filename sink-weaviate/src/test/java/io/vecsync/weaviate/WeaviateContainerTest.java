package io.vecsync.weaviate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.weaviate.WeaviateContainer;

/** The shared sink behaviour on a real Weaviate in a container; skipped, and reported so, where Docker is absent. */
@Testcontainers(disabledWithoutDocker = true)
class WeaviateContainerTest extends WeaviateSinkBehaviour {

    /** A version client6 6.3.0 supports (1.32 and later) and is tested against. */
    @Container
    private static final WeaviateContainer WEAVIATE = new WeaviateContainer("cr.weaviate.io/semitechnologies/weaviate:1.33.0");
    private static WeaviateTestClient weaviate;

    @BeforeAll
    static void connect() {
        weaviate = new WeaviateTestClient(WEAVIATE.getHost(), WEAVIATE.getMappedPort(8080), WEAVIATE.getMappedPort(50051));
    }

    @AfterAll
    static void disconnect() {
        weaviate.close();
    }

    @Override
    protected WeaviateTestClient weaviate() {
        return weaviate;
    }
}
