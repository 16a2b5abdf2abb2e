/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.e2e;

import io.vecsync.pgvector.PgVectorSinkConfig;
import io.vecsync.simulator.PlatformSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/** The shipped config/ files, with only what names this run's simulator, topic, database and table put in. */
final class E2eConfigs {

    static final String PRODUCER_OVERRIDE = "producer.override.";

    private final Path dir = configDir();

    /** config/source-connector.properties with the simulator's URL and key, the variant's topic and producer overrides. */
    Map<String, String> source(PlatformSimulator simulator, E2eVariant variant, String topic) {
        Map<String, String> config = new LinkedHashMap<>(shippedSource());
        config.keySet().removeIf(key -> key.startsWith(PRODUCER_OVERRIDE));
        variant.producerOverrides().forEach((key, value) -> config.put(PRODUCER_OVERRIDE + key, value));
        config.put("name", variant.name());
        config.put("platform.base.url", simulator.baseUrl());
        config.put("platform.api.key", simulator.apiKey());
        config.put("topic", topic);
        return config;
    }

    /** The {@code producer.override.*} settings of the shipped source file, without the prefix. */
    Map<String, String> shippedProducerOverrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        shippedSource().forEach((key, value) -> {
            if (key.startsWith(PRODUCER_OVERRIDE)) {
                overrides.put(key.substring(PRODUCER_OVERRIDE.length()), value);
            }
        });
        return overrides;
    }

    /**
     * config/pgvector-sink.properties onto the topic, into the table with no vector index, as the JDBC URL's user
     * (and password, if it has one) instead of the file's.
     */
    Map<String, String> sink(String name, String topic, String dlqTopic, String jdbcUrl, String table) {
        Map<String, String> config = new LinkedHashMap<>(properties("pgvector-sink.properties"));
        config.put("name", name);
        config.put("topics", topic);
        config.put("errors.deadletterqueue.topic.name", dlqTopic);
        config.put(PgVectorSinkConfig.URL, jdbcUrl);
        config.remove(PgVectorSinkConfig.USER);
        config.remove(PgVectorSinkConfig.PASSWORD);
        urlParameters(jdbcUrl).forEach((key, value) -> {
            if (key.equals("user") || key.equals("password")) {
                config.put("pgvector." + key, value);
            }
        });
        config.put(PgVectorSinkConfig.TABLE, table);
        config.put(PgVectorSinkConfig.INDEX, "none");
        return config;
    }

    /** config/source-connector.properties as it is. */
    Map<String, String> shippedSource() {
        return properties("source-connector.properties");
    }

    /** A config/ file as a worker's standalone mode reads it. */
    private Map<String, String> properties(String file) {
        try {
            return Utils.propsToStringMap(Utils.loadProps(dir.resolve(file).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> urlParameters(String jdbcUrl) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(jdbcUrl.substring("jdbc:".length())).getQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.put(parts[0], parts.length == 2 ? parts[1] : "");
            }
        }
        return parameters;
    }

    /** The repository's config/, found from the working directory up (Maven runs the benchmark in benchmarks/). */
    private static Path configDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("config/source-connector.properties"))) {
                return dir.resolve("config");
            }
        }
        throw new IllegalStateException(
                "no config/source-connector.properties above " + Path.of("").toAbsolutePath());
    }
}
