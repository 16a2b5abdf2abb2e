/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.search.SearchRequest;
import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkTasks;
import io.vecsync.weaviate.fake.FakeWeaviate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API key goes to Weaviate as a bearer token on REST and gRPC; a wrong one is named by its key, never shown. Fake
 * only: the shared real server lets anyone in.
 */
class WeaviateApiKeyTest {

    private static final String KEY = "wv-key-7f3a";

    @RegisterExtension
    static final WeaviateHarness harness = WeaviateHarness.onFake(FakeWeaviate.startWithApiKey(KEY), KEY);

    @Test
    void theRightKeyWritesAndSearches() {
        Map<String, String> props = Map.of(WeaviateSinkConfig.API_KEY, KEY);
        SinkTasks.write(
                harness.start(props),
                List.of(
                        harness.records().record(0),
                        harness.records().record(1),
                        harness.records().tombstone(0)));
        assertEquals(
                Set.of(SegmentRecords.id(1)),
                harness.fake().objects(WeaviateHarness.COLLECTION).keySet());
        try (VectorSearcher searcher = new WeaviateSearcherProvider().open(harness.props(props))) {
            searcher.checkReachable();
            assertEquals(
                    1,
                    searcher.search(new SearchRequest(new float[] {1, 0.5f, 0.25f, 1}, 5, List.of(), null))
                            .size());
        }
    }

    @Test
    void aWrongKeyFailsTheStartNamingTheSetting() {
        ConnectException error = assertThrows(
                ConnectException.class, () -> harness.start(Map.of(WeaviateSinkConfig.API_KEY, "wv-key-wrong")));
        assertFalse(error instanceof RetriableException, "a retry cannot fix the key");
        assertTrue(error.getMessage().contains("check weaviate.api.key"), error.getMessage());
        assertFalse(error.getMessage().contains("wv-key-wrong"), error.getMessage());
    }

    @Test
    void noKeyFailsTheStartToo() {
        ConnectException error = assertThrows(ConnectException.class, () -> harness.start(Map.of()));
        assertTrue(
                error.getMessage().contains("401") && error.getMessage().contains("weaviate.api.key"),
                error.getMessage());
    }
}
