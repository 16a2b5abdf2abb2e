/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
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
