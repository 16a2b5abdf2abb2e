/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.vecsync.pinecone.fake.FakeIndex;
import io.vecsync.pinecone.fake.FakePinecone;
import io.vecsync.testing.FaultProxy;
import io.vecsync.testing.SinkFaultSuite;
import io.vecsync.testing.StoredPoint;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault suite against the protocol-level fake Pinecone, its index's gRPC data plane and its REST control plane
 * each behind a fault proxy; each fault's records go to a namespace of their own.
 */
class PineconeFaultsIT extends SinkFaultSuite {

    private static final String INDEX = "faults";
    private FakePinecone pinecone;

    @Override
    protected String store() {
        return "pinecone";
    }

    @Override
    protected List<InetSocketAddress> endpoints() {
        pinecone = FakePinecone.start("faults-key");
        FakeIndex index = pinecone.createIndex(INDEX, 4, "cosine");
        URI dataPlane = URI.create("http://" + index.host());
        URI controlPlane = URI.create(pinecone.controlPlaneUrl());
        return List.of(
                InetSocketAddress.createUnresolved(dataPlane.getHost(), dataPlane.getPort()),
                InetSocketAddress.createUnresolved(controlPlane.getHost(), controlPlane.getPort()));
    }

    @Override
    protected Map<String, String> sinkConfig(String target, List<FaultProxy> proxies) {
        pinecone.index(INDEX)
                .orElseThrow()
                .host(proxies.get(0).host() + ":" + proxies.get(0).port());
        Map<String, String> config = new HashMap<>(PineconeTestProps.of(pinecone, INDEX));
        config.put("connector.class", PineconeSinkConnector.class.getName());
        config.put(
                PineconeSinkConfig.HOST,
                "http://" + proxies.get(1).host() + ":" + proxies.get(1).port());
        config.put(PineconeSinkConfig.NAMESPACE, target);
        config.put(PineconeSinkConfig.TIMEOUT_MS, Long.toString(storeTimeout().toMillis()));
        return config;
    }

    @Override
    protected Map<String, StoredPoint> stored(String target) {
        return PineconeTestProps.stored(pinecone, INDEX, target);
    }

    @Override
    protected void release() {
        if (pinecone != null) {
            pinecone.close();
        }
    }
}
