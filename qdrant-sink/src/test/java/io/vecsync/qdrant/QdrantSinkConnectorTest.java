/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.testing.ShippedConfigs;
import io.vecsync.testing.SinkConformanceSuite;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class QdrantSinkConnectorTest extends SinkConformanceSuite {

    QdrantSinkConnectorTest() {
        super(
                new Plugin(
                        QdrantSinkConnector::new,
                        minimal(),
                        "qdrant-sink",
                        "Qdrant sink configuration",
                        QdrantSinkConfig.CONFIG_DEF),
                new Searcher("qdrant", QdrantSearcherProvider.class, List.of()));
    }

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put(QdrantSinkConfig.HOST, "qdrant");
        props.put(QdrantSinkConfig.API_KEY, "qdrant-secret");
        return props;
    }

    @Test
    void defaultsMatchTheDocs() {
        QdrantSinkConfig config = new QdrantSinkConfig(minimal());
        assertEquals("video-segments", config.collection());
        assertEquals(6334, config.port());
        assertEquals(1024, config.dimension());
        assertNull(config.vectorName(), "the unnamed vector, as in the platform docs");
        assertTrue(config.payloadIndexVideoId());
        assertFalse(config.tls());
        assertNull(config.tlsCaFile());
        assertEquals("qdrant-secret", config.apiKey().value());
        assertFalse(config.toString().contains("qdrant-secret"));
    }

    @Test
    void anEmptyApiKeyMeansNone() {
        Map<String, String> props = minimal();
        props.put(QdrantSinkConfig.API_KEY, "");
        assertNull(new QdrantSinkConfig(props).apiKey());
    }

    @Test
    void collectionNamesFollowQdrantsRules() {
        Map<String, String> props = minimal();
        for (String bad : List.of("", "a/b", "segments?", "x".repeat(256))) {
            props.put(QdrantSinkConfig.COLLECTION, bad);
            ConfigException error = assertThrows(ConfigException.class, () -> new QdrantSinkConfig(props), bad);
            assertTrue(error.getMessage().contains(QdrantSinkConfig.COLLECTION), error.getMessage());
        }
        props.put(QdrantSinkConfig.COLLECTION, "Video Segments.v2");
        assertEquals("Video Segments.v2", new QdrantSinkConfig(props).collection());
    }

    @Test
    void validateReportsCrossFieldErrorsOnTheKey() {
        Map<String, String> props = minimal();
        props.put(QdrantSinkConfig.TLS_CA_FILE, "/etc/qdrant/ca.pem");
        props.put(QdrantSinkConfig.RETRY_BACKOFF_MS, "60000");
        Map<String, List<String>> errors = ShippedConfigs.errors(new QdrantSinkConnector(), props);
        assertEquals(
                List.of("qdrant.tls.ca.file is set, but qdrant.tls is false"),
                errors.get(QdrantSinkConfig.TLS_CA_FILE));
        assertEquals(
                List.of("retry.backoff.ms (60000) must not exceed retry.backoff.max.ms (30000)"),
                errors.get(QdrantSinkConfig.RETRY_BACKOFF_MS));

        props.put(QdrantSinkConfig.TLS, "true");
        props.remove(QdrantSinkConfig.RETRY_BACKOFF_MS);
        assertEquals(Map.of(), ShippedConfigs.errors(new QdrantSinkConnector(), props));
    }

    @Test
    void aMissingHostIsReportedOnItsKey() {
        Map<String, String> props = minimal();
        props.remove(QdrantSinkConfig.HOST);
        assertTrue(ShippedConfigs.errors(new QdrantSinkConnector(), props).containsKey(QdrantSinkConfig.HOST));
    }
}
