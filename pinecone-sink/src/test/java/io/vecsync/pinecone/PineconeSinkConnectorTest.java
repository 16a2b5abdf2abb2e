/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

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

class PineconeSinkConnectorTest extends SinkConformanceSuite {

    PineconeSinkConnectorTest() {
        super(
                new Plugin(
                        PineconeSinkConnector::new,
                        minimal(),
                        "pinecone-sink",
                        "Pinecone sink configuration",
                        PineconeSinkConfig.CONFIG_DEF),
                new Searcher("pinecone", PineconeSearcherProvider.class, List.of()));
    }

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put(PineconeSinkConfig.API_KEY, "pc-secret");
        return props;
    }

    @Test
    void defaultsMatchTheDocs() {
        PineconeSinkConfig config = new PineconeSinkConfig(minimal());
        assertEquals("video-segments", config.index());
        assertEquals(1024, config.dimension());
        assertEquals("aws", config.cloud());
        assertEquals("us-east-1", config.region());
        assertTrue(config.createIndex());
        assertTrue(config.tls());
        assertNull(config.host(), "Pinecone's own control plane");
        assertFalse(config.namespace().perTopic());
        assertEquals("", config.namespace().resolve("any-topic"), "the default namespace");
        assertFalse(config.toString().contains("pc-secret"));
    }

    @Test
    void theApiKeyIsRequiredAndNeverEchoed() {
        ConfigException missing = assertThrows(ConfigException.class, () -> new PineconeSinkConfig(Map.of()));
        assertTrue(missing.getMessage().contains(PineconeSinkConfig.API_KEY), missing.getMessage());
        Map<String, String> blank = Map.of(PineconeSinkConfig.API_KEY, "  ");
        assertEquals(
                List.of(PineconeSinkConfig.API_KEY + " must not be empty"),
                ShippedConfigs.errors(new PineconeSinkConnector(), blank).get(PineconeSinkConfig.API_KEY));
    }

    @Test
    void indexNamesFollowPineconesRule() {
        for (String bad : List.of("Video_Segments", "-segments", "segments-", "a".repeat(46))) {
            Map<String, String> props = minimal();
            props.put(PineconeSinkConfig.INDEX, bad);
            ConfigException error = assertThrows(ConfigException.class, () -> new PineconeSinkConfig(props), bad);
            assertTrue(error.getMessage().contains(PineconeSinkConfig.INDEX), error.getMessage());
        }
        Map<String, String> props = minimal();
        props.put(PineconeSinkConfig.INDEX, "a".repeat(45));
        assertEquals("a".repeat(45), new PineconeSinkConfig(props).index());
    }

    @Test
    void theNamespaceTakesTopicAsItsOnlyPlaceholder() {
        Map<String, String> props = minimal();
        props.put(PineconeSinkConfig.NAMESPACE, "segments-${topic}");
        NamespaceTemplate namespace = new PineconeSinkConfig(props).namespace();
        assertTrue(namespace.perTopic());
        assertEquals("segments-vecsync.segments", namespace.resolve("vecsync.segments"));

        props.put(PineconeSinkConfig.NAMESPACE, "segments-${video}");
        ConfigException error = assertThrows(ConfigException.class, () -> new PineconeSinkConfig(props));
        assertTrue(error.getMessage().contains(PineconeSinkConfig.NAMESPACE), error.getMessage());
    }

    @Test
    void validateReportsCrossFieldErrorsOnTheKey() {
        Map<String, String> props = minimal();
        props.put(PineconeSinkConfig.EMBEDDING_DIMENSION, "30000");
        props.put(PineconeSinkConfig.TLS, "false");
        props.put(PineconeSinkConfig.RETRY_BACKOFF_MS, "60000");
        Map<String, List<String>> errors = ShippedConfigs.errors(new PineconeSinkConnector(), props);
        assertEquals(
                List.of("embedding.dimension (30000) exceeds the 20000 dimensions of a Pinecone dense index"),
                errors.get(PineconeSinkConfig.EMBEDDING_DIMENSION));
        assertEquals(
                List.of("pinecone.tls is false, but Pinecone's cloud serves indexes over TLS only; plaintext needs"
                        + " pinecone.host naming a local server"),
                errors.get(PineconeSinkConfig.TLS));
        assertEquals(
                List.of("retry.backoff.ms (60000) must not exceed retry.backoff.max.ms (30000)"),
                errors.get(PineconeSinkConfig.RETRY_BACKOFF_MS));

        props.put(PineconeSinkConfig.HOST, "http://localhost:5080");
        props.put(PineconeSinkConfig.EMBEDDING_DIMENSION, "20000");
        props.remove(PineconeSinkConfig.RETRY_BACKOFF_MS);
        assertEquals(
                Map.of(), ShippedConfigs.errors(new PineconeSinkConnector(), props), "Pinecone Local over plaintext");
    }
}
