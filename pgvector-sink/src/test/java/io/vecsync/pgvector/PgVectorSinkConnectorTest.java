/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pgvector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.testing.ShippedConfigs;
import io.vecsync.testing.SinkConformanceSuite;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class PgVectorSinkConnectorTest extends SinkConformanceSuite {

    PgVectorSinkConnectorTest() {
        super(
                new Plugin(
                        PgVectorSinkConnector::new,
                        minimal(),
                        "pgvector-sink",
                        "pgvector sink configuration",
                        PgVectorSinkConfig.CONFIG_DEF),
                new Searcher(
                        "pgvector",
                        PgVectorSearcherProvider.class,
                        List.of(PgVectorSinkConfig.URL, PgVectorSinkConfig.USER, PgVectorSinkConfig.PASSWORD)));
    }

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put(PgVectorSinkConfig.URL, "jdbc:postgresql://db:5432/video");
        props.put(PgVectorSinkConfig.PASSWORD, "pg-secret");
        return props;
    }

    @Test
    void defaultsMatchTheDocs() {
        PgVectorSinkConfig config = new PgVectorSinkConfig(minimal());
        assertEquals("\"public\".\"video_segments\"", config.qualifiedTable());
        assertEquals(1024, config.dimension());
        assertEquals(PgVectorSinkConfig.IndexType.HNSW, config.index());
        assertFalse(config.toString().contains("pg-secret"));
    }

    @Test
    void batchesAreFiveThousandRowsUnlessSetWhileOtherSinksKeepTheSharedDefault() {
        assertEquals(5000, new PgVectorSinkConfig(minimal()).batchSize());
        Map<String, String> props = minimal();
        props.put(CommonSinkConfig.BATCH_SIZE, "200");
        assertEquals(200, new PgVectorSinkConfig(props).batchSize());
        assertEquals(1000, new CommonSinkConfig(CommonSinkConfig.CONFIG_DEF, Map.of()).batchSize());
        // The shared keys keep their documentation and checks.
        props.put(CommonSinkConfig.BATCH_SIZE, "0");
        ConfigException error = assertThrows(ConfigException.class, () -> new PgVectorSinkConfig(props));
        assertTrue(error.getMessage().contains(CommonSinkConfig.BATCH_SIZE), error.getMessage());
    }

    @Test
    void identifiersCannotCarrySql() {
        Map<String, String> props = minimal();
        props.put(PgVectorSinkConfig.TABLE, "video_segments; DROP TABLE users");
        ConfigException error = assertThrows(ConfigException.class, () -> new PgVectorSinkConfig(props));
        assertTrue(error.getMessage().contains(PgVectorSinkConfig.TABLE), error.getMessage());
        props.put(PgVectorSinkConfig.TABLE, "segments\"x");
        assertThrows(ConfigException.class, () -> new PgVectorSinkConfig(props));
    }

    @Test
    void anIndexBuildMemoryMustBeAPostgresSize() {
        Map<String, String> props = minimal();
        props.put(PgVectorSinkConfig.INDEX_BUILD_MEMORY, "2GB'; DROP TABLE users; --");
        ConfigException error = assertThrows(ConfigException.class, () -> new PgVectorSinkConfig(props));
        assertTrue(
                error.getMessage().contains(PgVectorSinkConfig.INDEX_BUILD_MEMORY)
                        && error.getMessage().contains("512MB"),
                error.getMessage());
        props.put(PgVectorSinkConfig.INDEX_BUILD_MEMORY, "2GB");
        assertEquals("2GB", new PgVectorSinkConfig(props).getString(PgVectorSinkConfig.INDEX_BUILD_MEMORY));
    }

    @Test
    void validateReportsCrossFieldErrorsOnTheKey() {
        Map<String, String> props = minimal();
        props.put(PgVectorSinkConfig.INITIAL_LOAD, "true");
        props.put(PgVectorSinkConfig.INDEX, "none");
        props.put(PgVectorSinkConfig.RETRY_BACKOFF_MS, "60000");
        Map<String, List<String>> errors = ShippedConfigs.errors(new PgVectorSinkConnector(), props);
        assertEquals(
                List.of("pgvector.initial.load defers the vector index, but pgvector.index is none"),
                errors.get(PgVectorSinkConfig.INITIAL_LOAD));
        assertEquals(
                List.of("retry.backoff.ms (60000) must not exceed retry.backoff.max.ms (30000)"),
                errors.get(PgVectorSinkConfig.RETRY_BACKOFF_MS));
    }
}
