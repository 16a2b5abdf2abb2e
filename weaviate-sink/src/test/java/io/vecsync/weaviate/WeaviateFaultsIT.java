/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.testing.FaultProxy;
import io.vecsync.testing.SinkFaultSuite;
import io.vecsync.testing.StoredPoint;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The fault suite against the real Weaviate server, its REST and its gRPC port each behind a fault proxy. */
class WeaviateFaultsIT extends SinkFaultSuite {

    private WeaviateTestClient weaviate;

    @Override
    protected String store() {
        return "weaviate";
    }

    @Override
    protected String missing() {
        return WeaviateServer.available() ? null : "no Weaviate server built here (bin/weaviate-provision needs Go)";
    }

    @Override
    protected List<InetSocketAddress> endpoints() {
        weaviate = RealWeaviate.client();
        WeaviateServer server = WeaviateServer.get();
        return List.of(
                InetSocketAddress.createUnresolved(WeaviateServer.HOST, server.httpPort()),
                InetSocketAddress.createUnresolved(WeaviateServer.HOST, server.grpcPort()));
    }

    @Override
    protected Map<String, String> sinkConfig(String target, List<FaultProxy> proxies) {
        weaviate.drop(target);
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", WeaviateSinkConnector.class.getName());
        config.put(WeaviateSinkConfig.HOST, proxies.get(0).host());
        config.put(WeaviateSinkConfig.HTTP_PORT, Integer.toString(proxies.get(0).port()));
        config.put(WeaviateSinkConfig.GRPC_PORT, Integer.toString(proxies.get(1).port()));
        config.put(WeaviateSinkConfig.TIMEOUT_MS, Long.toString(storeTimeout().toMillis()));
        config.put(WeaviateSinkConfig.COLLECTION, target);
        return config;
    }

    /** A class name: an upper-case first letter, letters and digits. */
    @Override
    protected String target(String scenario) {
        return "Faults" + scenario.replace("-", "");
    }

    @Override
    protected Map<String, StoredPoint> stored(String target) {
        return weaviate.readAll(target);
    }

    @Override
    protected void release() {
        if (weaviate != null) {
            weaviate.close();
        }
    }
}
