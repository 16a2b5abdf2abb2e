/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qdrant.client.grpc.Points.CountPoints;
import io.vecsync.qdrant.fake.FakeQdrant;
import io.vecsync.search.VectorSearcher;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared sink behaviour against the protocol-level fake Qdrant. */
class QdrantSinkBehaviourTest extends QdrantBehaviourSuite {

    private static FakeQdrant qdrant;

    @BeforeAll
    static void startFake() {
        qdrant = FakeQdrant.start();
    }

    @AfterAll
    static void stopFake() {
        qdrant.close();
    }

    @Test
    void theSearcherAsksForTheApproximateCount() {
        start();
        try (VectorSearcher searcher = openSearcher(storeProps())) {
            assertEquals(OptionalLong.of(0), searcher.segmentCount());
        }
        List<CountPoints> counts = qdrant.requests(CountPoints.class);
        CountPoints count = counts.get(counts.size() - 1);
        assertTrue(count.hasExact() && !count.getExact(), "unset, Qdrant counts exactly: " + count);
        assertFalse(count.hasFilter(), "every point of the collection");
    }

    @Override
    protected String host() {
        return qdrant.host();
    }

    @Override
    protected int port() {
        return qdrant.port();
    }
}
