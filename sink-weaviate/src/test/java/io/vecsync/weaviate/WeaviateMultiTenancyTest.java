package io.vecsync.weaviate;

import io.vecsync.testing.weaviate.FakeWeaviate;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Multi-tenancy against the fake, which must answer as the server does. */
class WeaviateMultiTenancyTest extends WeaviateMultiTenancySuite {

    @RegisterExtension
    static final SinkHarness harness = SinkHarness.onFake(FakeWeaviate.start());

    @Override
    SinkHarness harness() {
        return harness;
    }
}
