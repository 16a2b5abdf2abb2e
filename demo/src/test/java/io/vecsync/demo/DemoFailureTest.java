/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the demo says of a failure: one line. */
class DemoFailureTest {

    /** A Connect worker's answer to a config it refuses, as its REST API words it. */
    @Test
    void aRefusedConfigIsItsErrorsOnOneLine() {
        String refusal = """
                Connector configuration is invalid and contains the following 2 error(s):
                Missing required configuration "pinecone.api.key" which has no default value.
                Invalid value 0 for configuration batch.size: Value must be at least 1
                You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`
                """;

        assertEquals(
                "Connect refused connector s: Missing required configuration \"pinecone.api.key\" which has no default"
                        + " value; Invalid value 0 for configuration batch.size: Value must be at least 1",
                DemoFailure.ofRest("Connect refused connector s", refusal).getMessage());
        assertEquals(
                "Connect refused connector s: Connector s already exists",
                DemoFailure.ofRest("Connect refused connector s", "Connector s already exists")
                        .getMessage());
    }
}
