/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class WeaviateServerTest {

    @Test
    void theBuiltServerAnswersWithItsPinnedVersion() throws Exception {
        assumeTrue(WeaviateServer.available(), "Weaviate is not built here (bin/weaviate-provision needs Go)");
        WeaviateServer server = WeaviateServer.get();
        HttpResponse<String> meta = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://" + WeaviateServer.HOST + ":" + server.httpPort() + "/v1/meta"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertTrue(meta.body().contains("\"version\":\"1.35.2\""), meta.body());
    }
}
