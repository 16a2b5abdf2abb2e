/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import io.vecsync.qdrant.fake.FakeQdrant;
import io.vecsync.testing.FaultProxy;
import io.vecsync.testing.SinkFaultSuite;
import io.vecsync.testing.StoredPoint;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The fault suite against the protocol-level fake Qdrant's gRPC port, behind a fault proxy. */
class QdrantFaultsIT extends SinkFaultSuite {

    private FakeQdrant qdrant;

    @Override
    protected String store() {
        return "qdrant";
    }

    @Override
    protected List<InetSocketAddress> endpoints() {
        qdrant = FakeQdrant.start();
        return List.of(InetSocketAddress.createUnresolved(qdrant.host(), qdrant.port()));
    }

    @Override
    protected Map<String, String> sinkConfig(String target, List<FaultProxy> proxies) {
        return Map.of(
                "connector.class",
                QdrantSinkConnector.class.getName(),
                QdrantSinkConfig.HOST,
                proxies.get(0).host(),
                QdrantSinkConfig.PORT,
                Integer.toString(proxies.get(0).port()),
                QdrantSinkConfig.TIMEOUT_MS,
                Long.toString(storeTimeout().toMillis()),
                QdrantSinkConfig.COLLECTION,
                target);
    }

    @Override
    protected Map<String, StoredPoint> stored(String target) {
        Map<String, StoredPoint> points = new HashMap<>();
        qdrant.points(target).forEach((id, point) -> points.put(id, new StoredPoint(point.vector(), Map.of())));
        return points;
    }

    @Override
    protected void release() {
        if (qdrant != null) {
            qdrant.close();
        }
    }
}
