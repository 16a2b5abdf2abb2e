package io.vecsync.weaviate;

import io.vecsync.testing.weaviate.FakeWeaviate;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The searcher's video filter against the fake, which must tokenize as the server does. */
class WeaviateSearcherTest extends WeaviateSearcherSuite {

    @RegisterExtension
    static final SinkHarness harness = SinkHarness.onFake(FakeWeaviate.start());

    @Override
    SinkHarness harness() {
        return harness;
    }
}
