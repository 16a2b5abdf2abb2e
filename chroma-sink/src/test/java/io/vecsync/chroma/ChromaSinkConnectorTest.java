/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.testing.ShippedConfigs;
import io.vecsync.testing.SinkConformanceSuite;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ChromaSinkConnectorTest extends SinkConformanceSuite {

    ChromaSinkConnectorTest() {
        super(
                new Plugin(
                        ChromaSinkConnector::new,
                        minimal(),
                        "chroma-sink",
                        "Chroma sink configuration",
                        ChromaSinkConfig.CONFIG_DEF),
                new Searcher(
                        "chroma",
                        ChromaSearcherProvider.class,
                        List.of(
                                ChromaSinkConfig.URL,
                                ChromaSinkConfig.TOKEN,
                                ChromaSinkConfig.TENANT,
                                ChromaSinkConfig.DATABASE)));
    }

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put(ChromaSinkConfig.TOKEN, "ck-secret");
        return props;
    }

    @Test
    void defaultsMatchTheDocsAndChromaRun() {
        ChromaSinkConfig config = new ChromaSinkConfig(minimal());
        assertEquals("http://localhost:8000", config.url());
        assertEquals("video-segments", config.collection());
        assertEquals("default_tenant", config.tenant());
        assertEquals("default_database", config.database());
        assertEquals(Duration.ofSeconds(30), config.timeout());
        assertEquals(1024, config.dimension());
        assertEquals("ck-secret", config.token().orElseThrow().value());
        assertFalse(config.toString().contains("ck-secret"));
    }

    @Test
    void anEmptyTokenMeansNone() {
        Map<String, String> props = minimal();
        props.put(ChromaSinkConfig.TOKEN, "");
        assertTrue(new ChromaSinkConfig(props).token().isEmpty());
    }

    @Test
    void aTrailingSlashOfTheUrlIsDropped() {
        Map<String, String> props = minimal();
        props.put(ChromaSinkConfig.URL, "https://chroma.example.com/");
        assertEquals("https://chroma.example.com", new ChromaSinkConfig(props).url());
    }

    @Test
    void urlsWithCredentialsOrOtherSchemesAreRefusedWithoutEchoingThem() {
        Map<String, String> props = minimal();
        for (String bad : List.of(
                "chroma:8000",
                "ftp://chroma:8000",
                "http://user:pw-in-url@chroma:8000",
                "http://chroma:8000/?token=t")) {
            props.put(ChromaSinkConfig.URL, bad);
            ConfigException error = assertThrows(ConfigException.class, () -> new ChromaSinkConfig(props), bad);
            assertTrue(
                    error.getMessage().contains(ChromaSinkConfig.URL)
                            && error.getMessage().contains("without user info"),
                    error.getMessage());
            assertFalse(error.getMessage().contains(bad), error.getMessage());
        }
        props.put(ChromaSinkConfig.URL, "https://chroma.example.com/proxied");
        assertEquals("https://chroma.example.com/proxied", new ChromaSinkConfig(props).url());
    }

    @Test
    void collectionNamesFollowChromasRules() {
        Map<String, String> props = minimal();
        for (String bad : List.of("ab", "video segments", "-segments", "segments-", "x".repeat(513))) {
            props.put(ChromaSinkConfig.COLLECTION, bad);
            ConfigException error = assertThrows(ConfigException.class, () -> new ChromaSinkConfig(props), bad);
            assertTrue(error.getMessage().contains(ChromaSinkConfig.COLLECTION), error.getMessage());
        }
        props.put(ChromaSinkConfig.COLLECTION, "Video_Segments.v2");
        assertEquals("Video_Segments.v2", new ChromaSinkConfig(props).collection());
    }

    @Test
    void validateReportsErrorsOnTheKey() {
        Map<String, String> props = minimal();
        props.put(ChromaSinkConfig.DATABASE, " ");
        props.put(ChromaSinkConfig.TIMEOUT_MS, "10");
        Map<String, List<String>> errors = ShippedConfigs.errors(new ChromaSinkConnector(), props);
        assertEquals(
                List.of(ChromaSinkConfig.DATABASE, ChromaSinkConfig.TIMEOUT_MS),
                errors.keySet().stream().sorted().toList());
    }
}
