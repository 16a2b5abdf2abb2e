/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import io.vecsync.search.VectorSearcher;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.SegmentRecords;
import io.vecsync.testing.SinkRefusalSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;

/**
 * The pipeline and refusal suite on an embedded Lucene index: the suite's two sink tasks share the worker's one index
 * writer. Of what the sink's documents hold, Lucene refuses only a term over 32766 bytes in an indexed field (id,
 * video_id); the writer's check() keeps a long video_id out before the write, but measures it as Java encodes UTF-8,
 * where an unpaired surrogate is one byte ('?'), while Lucene encodes it as U+FFFD, three bytes: such a video_id
 * reaches the index writer, which refuses it at write time.
 */
class LucenePipelineIT extends SinkRefusalSuite {

    /** Under target/, not a JUnit temp dir: the suite's sink tasks stop after its test method, and commit as they do. */
    private static final Path DIRECTORY =
            Path.of("target", "lucene-pipeline-index").toAbsolutePath();
    /** Unpaired surrogates: 11000 bytes to check(), 33000 to Lucene. */
    private static final String IMMENSE_TO_LUCENE_ONLY = "\ud800".repeat(11_000);

    /** Each refusal test's own index: one deleted under a connector still stopping would fail its writer. */
    private Path directory = DIRECTORY;

    private int refusals;

    @BeforeAll
    void removeEarlierRuns() {
        LuceneTestIndex.delete(DIRECTORY);
        for (int i = 1; i <= 2; i++) {
            LuceneTestIndex.delete(refusalDirectory(i));
        }
    }

    private Path directory() {
        return directory;
    }

    private static Path refusalDirectory(int test) {
        return Path.of("target", "lucene-refusal-index-" + test).toAbsolutePath();
    }

    @Override
    protected void poison(SegmentRecords.Segment segment) {
        segment.with("video_id", IMMENSE_TO_LUCENE_ONLY);
    }

    @Override
    protected String refusePoisonedPoints() {
        directory = refusalDirectory(++refusals);
        return "Lucene refused the document: Document contains at least one immense term in field=\"video_id\"";
    }

    @Override
    protected void stopRefusing() {
        directory = DIRECTORY;
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
