/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import io.vecsync.embedded.ConnectorConfigs;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The store the demo syncs into and searches: the embedded Lucene index by default, or a real one from a shipped sink
 * config plus {@code store=<name>}. The same settings configure the sink connector and the query service, as in
 * production.
 *
 * @param connectorName the sink connector's name: the file's {@code name}, else vecsync-&lt;store&gt;
 * @param settings      {@code store} plus the store's sink keys, as the file has them
 * @param secrets       the settings whose values read a secrets file ({@code ${file:PATH:KEY}}), resolved
 * @param notes         what the demo changed of the file, for the user
 */
record DemoStore(
        String name,
        String connectorName,
        Map<String, String> settings,
        Map<String, String> secrets,
        List<String> notes) {

    /** The sink connector class of each store, named: the demo's own classpath holds no connector. */
    private static final Map<String, String> SINKS = Map.of(
            "lucene", "io.vecsync.lucene.LuceneSinkConnector",
            "pgvector", "io.vecsync.pgvector.PgVectorSinkConnector",
            "qdrant", "io.vecsync.qdrant.QdrantSinkConnector",
            "pinecone", "io.vecsync.pinecone.PineconeSinkConnector",
            "weaviate", "io.vecsync.weaviate.WeaviateSinkConnector",
            "chroma", "io.vecsync.chroma.ChromaSinkConnector");

    private static final String STORE = "store";
    private static final String NAME = "name";
    private static final String DEAD_LETTER_TOPIC = "errors.deadletterqueue.topic.name";
    /** The query service reads settings from VECSYNC_ variables too; its docs advise secrets there, not in its file. */
    private static final String ENV_PREFIX = "VECSYNC_";

    static DemoStore embedded(Path indexDirectory) {
        return new DemoStore(
                "lucene",
                connectorName("lucene", null),
                Map.of(
                        STORE,
                        "lucene",
                        "lucene.directory",
                        indexDirectory.toAbsolutePath().toString()),
                Map.of(),
                List.of());
    }

    static DemoStore fromFile(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties
                .stringPropertyNames()
                .forEach(key -> settings.put(key, properties.getProperty(key).trim()));
        String name = settings.get(STORE);
        if (name == null || !SINKS.containsKey(name)) {
            throw new IllegalArgumentException(file + ": add a line store=<one of "
                    + String.join(", ", SINKS.keySet().stream().sorted().toList()) + ">"
                    + (name == null ? "" : ", not store=" + name));
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (String key : List.copyOf(settings.keySet())) {
            String value = settings.get(key);
            if (!FileReferences.present(value)) {
                continue;
            }
            try {
                secrets.put(key, FileReferences.resolve(key, value));
            } catch (NoSuchFileException e) {
                // A server without a password (a local PostgreSQL with trust logins) needs none: the sink says when it
                // does.
                settings.remove(key);
                notes.add(key + " reads " + e.getFile() + ", which does not exist: left unset");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage());
            }
        }
        return new DemoStore(name, connectorName(name, settings.get(NAME)), settings, secrets, notes);
    }

    private static String connectorName(String store, String fromFile) {
        return fromFile == null || fromFile.isBlank() ? "vecsync-" + store : fromFile;
    }

    /** The sink connector's config: the file's keys, reading the demo's topic; a worker resolves the file references. */
    Map<String, String> sinkConfig(String topic) {
        Map<String, String> config = new LinkedHashMap<>(ConnectorConfigs.jsonConverters());
        config.put("connector.class", SINKS.get(name));
        config.putAll(settings);
        config.remove(STORE);
        config.remove(NAME);
        config.put("topics", topic);
        return config;
    }

    /** The dead-letter topic the sink's config names, which the demo creates for its one broker. */
    Optional<String> deadLetterTopic() {
        return Optional.ofNullable(settings.get(DEAD_LETTER_TOPIC)).filter(topic -> !topic.isBlank());
    }

    /** The query service's config file: everything but the secrets. */
    Map<String, String> queryServiceSettings() {
        Map<String, String> file = new LinkedHashMap<>(settings);
        file.keySet().removeAll(secrets.keySet());
        return file;
    }

    /** The secrets, as the query service's environment variables. */
    Map<String, String> queryServiceEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        secrets.forEach((key, value) ->
                environment.put(ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return environment;
    }
}
