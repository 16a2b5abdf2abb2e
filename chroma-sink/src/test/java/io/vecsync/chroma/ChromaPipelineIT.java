/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.search.VectorSearcher;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkRefusalSuite;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The pipeline and refusal suite against a real Chroma server. */
class ChromaPipelineIT extends SinkRefusalSuite {

    private static final String COLLECTION = "pipeline-segments";
    /** Longer than the worker's offset commit interval (1 s, see ConnectClusters). */
    private static final Duration SLOW_UPSERT = Duration.ofSeconds(3);

    private ChromaProxy proxy;

    @AfterAll
    void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** The suite asks for it first: where Chroma is not installed, the test is skipped there, saying why. */
    @Override
    protected Map<String, String> sinkConfig() {
        return Map.of(
                "connector.class",
                ChromaSinkConnector.class.getName(),
                ChromaSinkConfig.URL,
                ChromaHarness.url(),
                ChromaSinkConfig.COLLECTION,
                COLLECTION);
    }

    @Override
    protected Set<String> storedIds() {
        return ChromaStoredPoints.readAll(collections(), COLLECTION).keySet();
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> sinkConfig) {
        return new ChromaSearcherProvider().open(sinkConfig);
    }

    /**
     * A caption cut in the middle of an emoji: its unpaired surrogate is JSON's escape {@code \ud83d} with nothing
     * after it, which Chroma refuses, the whole upsert for it: the sink writes the batch in halves until it stands alone.
     */
    @Override
    protected void poison(SegmentRecords.Segment segment) {
        segment.with(POISON, "cut \ud83d");
    }

    @Override
    protected String refusePoisonedPoints() {
        collections().drop(COLLECTION);
        return "HTTP 400 (InvalidArgumentError: Failed to parse the request body as JSON: metadatas[0].poison:"
                + " unexpected end of hex escape";
    }

    @Override
    protected void stopRefusing() {
        collections().drop(COLLECTION);
    }

    /**
     * The refusal surfaces at an offset commit: Chroma answers the first upsert after 3 s, so the put() after the
     * records' finds the write still under way, and the worker's next offset commit calls preCommit(), which waits for
     * it and meets the refusal. Were it to throw, the worker would rewind and write the record again, forever; the task
     * fails at the next put() instead.
     */
    @Test
    void withoutToleranceARefusalMetAtAnOffsetCommitFailsTheTask() {
        proxy = ChromaProxy.start(ChromaHarness.url());
        proxy.delay("upsert", 1, SLOW_UPSERT);
        assertARefusedPointFailsTheTask("refused-at-commit", Map.of(ChromaSinkConfig.URL, proxy.url()));
        assertTrue(proxy.calls("upsert") > 1, "the batch was written again in halves: " + proxy.calls("upsert"));
    }

    private static ChromaTestCollections collections() {
        return new ChromaTestCollections(ChromaHarness.url());
    }
}
