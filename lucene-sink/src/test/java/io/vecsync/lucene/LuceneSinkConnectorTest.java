/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.testing.ShippedConfigs;
import io.vecsync.testing.SinkConformanceSuite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class LuceneSinkConnectorTest extends SinkConformanceSuite {

    LuceneSinkConnectorTest() {
        super(
                new Plugin(
                        LuceneSinkConnector::new,
                        minimal(),
                        "lucene-sink",
                        "Embedded Lucene sink configuration",
                        LuceneSinkConfig.CONFIG_DEF),
                new Searcher("lucene", LuceneSearcherProvider.class, List.of(LuceneSinkConfig.DIRECTORY)));
    }

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put(LuceneSinkConfig.DIRECTORY, "/var/lib/vecsync/lucene-index");
        return props;
    }

    @Override
    protected String referenceIntro() {
        return super.referenceIntro() + " The index lives on the"
                + " worker's local disk: run the connector on a single-node Connect worker (its tasks share one"
                + " index writer); a second worker process on the same directory fails at start. Vectors have"
                + " at most 1024 dimensions, Lucene 9's limit.";
    }

    @Test
    void defaultsMatchTheDocs() {
        LuceneSinkConfig config = new LuceneSinkConfig(minimal());
        assertEquals(Path.of("/var/lib/vecsync/lucene-index"), config.directory());
        assertEquals(1024, config.dimension());
        assertEquals(new LuceneSinkConfig.IndexSettings(16, 100, Duration.ofSeconds(1)), config.indexSettings());
    }

    @Test
    void aRelativeDirectoryIsResolvedAgainstTheWorkersWorkingDirectory() {
        Map<String, String> props = minimal();
        props.put(LuceneSinkConfig.DIRECTORY, " data/index ");
        assertEquals(Path.of("data/index").toAbsolutePath(), new LuceneSinkConfig(props).directory());
    }

    @Test
    void theDirectoryIsRequiredAndNotBlank() {
        Map<String, String> props = minimal();
        props.remove(LuceneSinkConfig.DIRECTORY);
        assertTrue(ShippedConfigs.errors(new LuceneSinkConnector(), props).containsKey(LuceneSinkConfig.DIRECTORY));
        props.put(LuceneSinkConfig.DIRECTORY, " ");
        ConfigException error = assertThrows(ConfigException.class, () -> new LuceneSinkConfig(props));
        assertTrue(error.getMessage().contains(LuceneSinkConfig.DIRECTORY), error.getMessage());
    }

    @Test
    void moreDimensionsThanLuceneHoldsAreRefusedOnTheKey() {
        Map<String, String> props = minimal();
        props.put(LuceneSinkConfig.EMBEDDING_DIMENSION, "1025");
        String expected =
                "the Lucene store holds vectors of at most 1024 dimensions (Lucene 9's limit); use another store"
                        + " for longer vectors";
        assertEquals(
                List.of(expected),
                ShippedConfigs.errors(new LuceneSinkConnector(), props).get(LuceneSinkConfig.EMBEDDING_DIMENSION));
        ConfigException error = assertThrows(ConfigException.class, () -> new LuceneSinkConfig(props));
        assertTrue(
                error.getMessage().contains(LuceneSinkConfig.EMBEDDING_DIMENSION)
                        && error.getMessage().contains(expected),
                error.getMessage());

        props.put(LuceneSinkConfig.EMBEDDING_DIMENSION, "1024");
        assertEquals(Map.of(), ShippedConfigs.errors(new LuceneSinkConnector(), props));
    }

    @Test
    void validateReportsCrossFieldErrorsOnTheKey() {
        Map<String, String> props = minimal();
        props.put(LuceneSinkConfig.RETRY_BACKOFF_MS, "60000");
        props.put(LuceneSinkConfig.HNSW_M, "513");
        Map<String, List<String>> errors = ShippedConfigs.errors(new LuceneSinkConnector(), props);
        assertEquals(
                List.of("retry.backoff.ms (60000) must not exceed retry.backoff.max.ms (30000)"),
                errors.get(LuceneSinkConfig.RETRY_BACKOFF_MS));
        assertTrue(errors.containsKey(LuceneSinkConfig.HNSW_M), "Lucene's own bound on HNSW m: " + errors);
    }
}
