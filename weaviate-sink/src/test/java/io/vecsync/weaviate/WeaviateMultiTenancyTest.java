package io.vecsync.weaviate;

import io.vecsync.weaviate.fake.FakeWeaviate;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Multi-tenancy against the fake, which must answer as the server does. */
class WeaviateMultiTenancyTest extends WeaviateMultiTenancySuite {

    @RegisterExtension
    static final WeaviateHarness harness = WeaviateHarness.onFake(FakeWeaviate.start());

    @Override
    WeaviateHarness harness() {
        return harness;
    }
}
