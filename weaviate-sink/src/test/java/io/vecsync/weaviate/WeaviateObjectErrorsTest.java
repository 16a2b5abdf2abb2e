/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.weaviate.fake.FakeWeaviate;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Objects refused one by one, by the fake, which must answer as the server does. */
class WeaviateObjectErrorsTest extends WeaviateObjectErrorsSuite {

    @RegisterExtension
    static final WeaviateHarness harness = WeaviateHarness.onFake(FakeWeaviate.start());

    @Override
    WeaviateHarness harness() {
        return harness;
    }
}
