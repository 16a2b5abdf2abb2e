/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import io.vecsync.testing.FaultProxy;
import io.vecsync.testing.SinkFaultSuite;
import io.vecsync.testing.StoredPoint;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The fault suite against the real Chroma server, behind a fault proxy. */
class ChromaFaultsIT extends SinkFaultSuite {

    private ChromaTestCollections chroma;

    @Override
    protected String store() {
        return "chroma";
    }

    @Override
    protected String missing() {
        return ChromaServer.available()
                ? null
                : "Chroma is not installed here (bin/chroma-provision needs python3 and PyPI)";
    }

    @Override
    protected List<InetSocketAddress> endpoints() {
        URI url = URI.create(ChromaServer.get().url());
        chroma = new ChromaTestCollections(url.toString());
        return List.of(InetSocketAddress.createUnresolved(url.getHost(), url.getPort()));
    }

    @Override
    protected Map<String, String> sinkConfig(String target, List<FaultProxy> proxies) {
        chroma.drop(target);
        return Map.of(
                "connector.class",
                ChromaSinkConnector.class.getName(),
                ChromaSinkConfig.URL,
                "http://" + proxies.get(0).host() + ":" + proxies.get(0).port(),
                ChromaSinkConfig.TIMEOUT_MS,
                Long.toString(storeTimeout().toMillis()),
                ChromaSinkConfig.COLLECTION,
                target);
    }

    @Override
    protected Map<String, StoredPoint> stored(String target) {
        return ChromaStoredPoints.readAll(chroma, target);
    }
}
