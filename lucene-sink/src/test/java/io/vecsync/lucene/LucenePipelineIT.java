/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import io.vecsync.search.VectorSearcher;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.SinkPipelineSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;

/** The pipeline suite on an embedded Lucene index: the suite's two sink tasks share the worker's one index writer. */
class LucenePipelineIT extends SinkPipelineSuite {

    /** Under target/, not a JUnit temp dir: the suite's sink tasks stop after its test method, and commit as they do. */
    private static final Path DIRECTORY =
            Path.of("target", "lucene-pipeline-index").toAbsolutePath();

    @BeforeAll
    void removeEarlierRuns() {
        LuceneTestIndex.delete(DIRECTORY);
    }

    private Path directory() {
        return DIRECTORY;
    }

    @Override
    protected Map<String, String> sinkConfig() {
        return Map.of(
                "connector.class",
                LuceneSinkConnector.class.getName(),
                LuceneSinkConfig.DIRECTORY,
                directory().toString());
    }

    @Override
    protected Set<String> storedIds() {
        return LuceneTestIndex.readAll(directory()).keySet();
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> sinkConfig) {
        return new LuceneSearcherProvider().open(sinkConfig);
    }

    /** A query service in another process reads the last commit: the timer commits the sync within its interval. */
    @Override
    protected void afterInitialSync(PlatformSimulator simulator) {
        Eventually.await(
                Duration.ofSeconds(10),
                "the synced index committed",
                () -> LuceneTestIndex.committed(directory()).keySet().equals(truth(simulator)));
    }
}
