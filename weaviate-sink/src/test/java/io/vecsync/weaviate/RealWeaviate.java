/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Weaviate server (test-support's {@link WeaviateServer}) for the suites that run against it: as a test
 * class's extension it skips the class, saying why, where the server is not built, before anything starts.
 */
final class RealWeaviate implements ExecutionCondition {

    private static final ConditionEvaluationResult NOT_BUILT = ConditionEvaluationResult.disabled(
            "no Weaviate server built here (bin/weaviate-provision needs Go): the suites against a real Weaviate are skipped");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return WeaviateServer.available() ? ConditionEvaluationResult.enabled("Weaviate is built") : NOT_BUILT;
    }

    /** A client of the server, started on first use. */
    static WeaviateTestClient client() {
        WeaviateServer server = WeaviateServer.get();
        return new WeaviateTestClient(WeaviateServer.HOST, server.httpPort(), server.grpcPort());
    }
}
