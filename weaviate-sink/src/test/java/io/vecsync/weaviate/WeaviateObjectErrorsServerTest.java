/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Objects refused one by one, by the real Weaviate server. */
@ExtendWith(RealWeaviate.class)
class WeaviateObjectErrorsServerTest extends WeaviateObjectErrorsSuite {

    @RegisterExtension
    static final WeaviateHarness harness = WeaviateHarness.onServer();

    @Override
    WeaviateHarness harness() {
        return harness;
    }
}
