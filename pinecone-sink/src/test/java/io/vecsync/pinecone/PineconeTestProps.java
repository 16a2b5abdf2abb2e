/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.vecsync.pinecone.fake.FakeIndex;
import io.vecsync.pinecone.fake.FakePinecone;
import io.vecsync.testing.StoredPoint;
import java.util.HashMap;
import java.util.Map;

/** Sink config pointing at a Pinecone fake, and the fake's vectors as the behaviour suite compares points. */
final class PineconeTestProps {

    private PineconeTestProps() {}

    static Map<String, String> of(FakePinecone fake, String index) {
        Map<String, String> props = new HashMap<>();
        props.put(PineconeSinkConfig.API_KEY, fake.apiKey());
        props.put(PineconeSinkConfig.HOST, fake.controlPlaneUrl());
        props.put(PineconeSinkConfig.TLS, "false");
        props.put(PineconeSinkConfig.INDEX, index);
        return props;
    }

    /** Every vector of a namespace, none while the index does not exist. */
    static Map<String, StoredPoint> stored(FakePinecone fake, String index, String namespace) {
        Map<String, StoredPoint> points = new HashMap<>();
        fake.index(index)
                .ifPresent(found -> found.vectors(namespace).forEach((id, vector) -> points.put(id, point(vector))));
        return points;
    }

    private static StoredPoint point(FakeIndex.FakeVector vector) {
        Map<String, String> payload = new HashMap<>();
        vector.metadata().forEach((key, value) -> payload.put(key, String.valueOf(value)));
        return new StoredPoint(vector.values(), payload);
    }
}
