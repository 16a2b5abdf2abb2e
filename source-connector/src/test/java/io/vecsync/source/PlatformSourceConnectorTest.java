/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.testing.ConnectorConformanceSuite;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class PlatformSourceConnectorTest extends ConnectorConformanceSuite {

    PlatformSourceConnectorTest() {
        super(new Plugin(
                PlatformSourceConnector::new,
                minimal(),
                "source-connector",
                "Source connector configuration",
                PlatformSourceConfig.CONFIG_DEF));
    }

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put(PlatformSourceConfig.BASE_URL, "http://127.0.0.1:8001/");
        props.put(PlatformSourceConfig.API_KEY, "sk-very-secret");
        return props;
    }

    @Override
    protected String referenceIntro() {
        return "`connector.class=" + PlatformSourceConnector.class.getName()
                + "`, plus Connect's own source connector settings.";
    }

    @Test
    void theConfigReferenceShowsTheApiKeyAsARequiredPassword() {
        String rendered = renderedReference();
        assertTrue(rendered.contains("| `platform.api.key` | password | required |"), rendered);
    }

    @Test
    void defaultsMatchTheDocs() {
        PlatformSourceConfig config = new PlatformSourceConfig(minimal());
        assertEquals("http://127.0.0.1:8001", config.baseUrl());
        assertEquals(1024, config.embeddingDimension());
        assertEquals(SegmentIdScheme.AUTO, config.segmentIdScheme());
        assertEquals("vecsync.segments", config.topic());
        assertEquals(VideoScope.all(), config.scope());
    }

    @Test
    void supportsExactlyOnce() {
        PlatformSourceConnector connector = new PlatformSourceConnector();
        assertEquals(
                org.apache.kafka.connect.source.ExactlyOnceSupport.SUPPORTED, connector.exactlyOnceSupport(minimal()));
    }

    @Test
    void theApiKeyIsAPasswordAndNeverPrinted() {
        PlatformSourceConfig config = new PlatformSourceConfig(minimal());
        assertFalse(config.toString().contains("sk-very-secret"));
        assertFalse(config.values().toString().contains("sk-very-secret"));
        assertEquals("sk-very-secret", config.apiKey().value());
    }

    @Test
    void badValuesNameTheirKey() {
        Map<String, String> props = minimal();
        props.put(PlatformSourceConfig.VECTOR_ENCODING, "float16");
        ConfigException error = assertThrows(ConfigException.class, () -> new PlatformSourceConfig(props));
        assertTrue(error.getMessage().contains(PlatformSourceConfig.VECTOR_ENCODING), error.getMessage());
        assertTrue(
                error.getMessage().contains("float_array") && error.getMessage().contains("float32_le"),
                error.getMessage());

        props.put(PlatformSourceConfig.VECTOR_ENCODING, "float32_le");
        props.put(PlatformSourceConfig.FILTER_VIDEO_IDS, "3fa85f64-5717-4562-b3fc-2c963f66afa6,not-a-uuid");
        error = assertThrows(ConfigException.class, () -> new PlatformSourceConfig(props));
        assertTrue(error.getMessage().contains("'not-a-uuid' is not a UUID"), error.getMessage());

        props.remove(PlatformSourceConfig.FILTER_VIDEO_IDS);
        props.put(PlatformSourceConfig.FILTER_CREATED_AFTER, "yesterday");
        error = assertThrows(ConfigException.class, () -> new PlatformSourceConfig(props));
        assertTrue(error.getMessage().contains(PlatformSourceConfig.FILTER_CREATED_AFTER), error.getMessage());
    }

    @Test
    void validateAddsCrossFieldErrorsToTheKey() {
        Map<String, String> props = minimal();
        props.put(PlatformSourceConfig.RETRY_BACKOFF_MS, "40000");
        ConfigValue backoff = new PlatformSourceConnector()
                .validate(props).configValues().stream()
                        .filter(v -> v.name().equals(PlatformSourceConfig.RETRY_BACKOFF_MS))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                List.of("platform.retry.backoff.ms (40000) must not exceed platform.retry.backoff.max.ms (30000)"),
                backoff.errorMessages());
    }

    @Test
    void tasksSplitTheShardsWithoutOverlap() {
        PlatformSourceConnector connector = new PlatformSourceConnector();
        connector.start(minimal());
        List<Map<String, String>> configs = connector.taskConfigs(3);
        assertEquals(3, configs.size());
        Set<Integer> shards = new HashSet<>();
        for (Map<String, String> config : configs) {
            new PlatformSourceTaskConfig(config)
                    .taskShards()
                    .forEach(s -> assertTrue(shards.add(s), "shard " + s + " twice"));
            assertEquals("sk-very-secret", config.get(PlatformSourceConfig.API_KEY));
        }
        assertEquals(Shards.COUNT, shards.size());
        assertEquals(Shards.COUNT, connector.taskConfigs(500).size());
    }
}
