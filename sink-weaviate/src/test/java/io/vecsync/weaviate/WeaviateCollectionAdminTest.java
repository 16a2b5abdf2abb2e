package io.vecsync.weaviate;

import io.vecsync.testing.weaviate.FakeWeaviate;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Collection set-up against the fake, which must answer as the server does. */
class WeaviateCollectionAdminTest extends WeaviateCollectionAdminSuite {

    @RegisterExtension
    static final SinkHarness harness = SinkHarness.onFake(FakeWeaviate.start());

    @Override
    SinkHarness harness() {
        return harness;
    }
}
