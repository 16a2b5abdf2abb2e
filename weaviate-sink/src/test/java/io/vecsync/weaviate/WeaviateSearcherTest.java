package io.vecsync.weaviate;

import io.vecsync.weaviate.fake.FakeWeaviate;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The searcher's video filter against the fake, which must tokenize as the server does. */
class WeaviateSearcherTest extends WeaviateSearcherSuite {

    @RegisterExtension
    static final WeaviateHarness harness = WeaviateHarness.onFake(FakeWeaviate.start());

    @Override
    WeaviateHarness harness() {
        return harness;
    }
}
