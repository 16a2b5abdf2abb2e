/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;

/** Reads the ready-to-use files under {@code config/} and validates them as Connect's REST validate call would. */
public final class ShippedConfigs {

    private ShippedConfigs() {}

    /** A standalone-mode properties file as a config map. */
    public static Map<String, String> properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
        return config;
    }

    /** The {@code config} object of a REST API request body. */
    public static Map<String, String> restJson(Path file) {
        try {
            JsonNode config = new ObjectMapper().readTree(file.toFile()).path("config");
            Map<String, String> map = new LinkedHashMap<>();
            config.fields()
                    .forEachRemaining(
                            field -> map.put(field.getKey(), field.getValue().asText()));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The config's key and value converters and their settings, for a test to run what a shipped file deploys. */
    public static Map<String, String> converters(Map<String, String> config) {
        Map<String, String> converters = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith("key.converter") || key.startsWith("value.converter")) {
                converters.put(key, value);
            }
        });
        return converters;
    }

    /** The error messages the connector's validate() reports, per key; empty when the config is valid. */
    public static Map<String, List<String>> errors(Connector connector, Map<String, String> config) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (ConfigValue value : connector.validate(config).configValues()) {
            if (!value.errorMessages().isEmpty()) {
                errors.put(value.name(), value.errorMessages());
            }
        }
        return errors;
    }
}
