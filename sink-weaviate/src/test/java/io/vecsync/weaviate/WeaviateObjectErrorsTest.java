package io.vecsync.weaviate;

import io.vecsync.testing.weaviate.FakeWeaviate;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Objects refused one by one, by the fake, which must answer as the server does. */
class WeaviateObjectErrorsTest extends WeaviateObjectErrorsSuite {

    @RegisterExtension
    static final SinkHarness harness = SinkHarness.onFake(FakeWeaviate.start());

    @Override
    SinkHarness harness() {
        return harness;
    }
}
