/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.embedded;

import java.util.LinkedHashMap;
import java.util.Map;

/** Connector configs tests, benchmarks and the demo share, as a typical deployment writes them. */
public final class ConnectorConfigs {

    private static final String SOURCE_CONNECTOR = "io.vecsync.source.PlatformSourceConnector";

    private ConnectorConfigs() {}

    /** String keys and schemaless JSON values, for both connectors. */
    public static Map<String, String> jsonConverters() {
        return Map.of(
                "key.converter",
                "org.apache.kafka.connect.storage.StringConverter",
                "value.converter",
                "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable",
                "false");
    }

    /** The source connector syncing a platform into the topic with one task, polling fast, writing compact vectors. */
    public static Map<String, String> platformSource(String platformBaseUrl, String apiKey, String topic) {
        Map<String, String> config = new LinkedHashMap<>(jsonConverters());
        config.put("connector.class", SOURCE_CONNECTOR);
        config.put("tasks.max", "1");
        config.put("platform.base.url", platformBaseUrl);
        config.put("platform.api.key", apiKey);
        config.put("topic", topic);
        config.put("poll.interval.ms", "300");
        // Deletions and re-processing are found by full walks: tests want them within seconds, not the hour default.
        config.put("reconciliation.interval.ms", "1500");
        config.put("vector.encoding", "float32_le");
        return config;
    }
}
