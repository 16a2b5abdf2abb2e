/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vecsync.embedded.ConnectorConfigs;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.testing.ConnectClusters;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.PostgresServer;
import io.vecsync.testing.ShippedConfigs;
import io.vecsync.testing.SinkPipelineSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The packaged plugins, unpacked into a plugin.path, loaded by a real worker and syncing for real. */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedPluginsIT {

    private static final Path PLUGINS = Path.of("target/plugins").toAbsolutePath();
    private static final List<String> CONNECTORS = List.of(
            "io.vecsync.source.PlatformSourceConnector",
            "io.vecsync.pgvector.PgVectorSinkConnector",
            "io.vecsync.qdrant.QdrantSinkConnector",
            "io.vecsync.pinecone.PineconeSinkConnector",
            "io.vecsync.weaviate.WeaviateSinkConnector",
            "io.vecsync.lucene.LuceneSinkConnector",
            "io.vecsync.chroma.ChromaSinkConnector");
    private static final ObjectMapper JSON = new ObjectMapper();
    private EmbeddedConnectCluster connect;

    @BeforeAll
    void startWorkerOnThePluginPath() {
        connect = ConnectClusters.start("plugins", 1, Map.of(WorkerConfig.PLUGIN_PATH_CONFIG, PLUGINS.toString()));
    }

    @AfterAll
    void stop() {
        connect.stop();
    }

    @Test
    void noConnectorIsOnTheTestClasspath() {
        for (String connector : CONNECTORS) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(connector), connector);
        }
    }

    @Test
    void everyPluginHasItsLayout() throws Exception {
        try (Stream<Path> plugins = Files.list(PLUGINS)) {
            List<Path> dirs = plugins.toList();
            assertEquals(CONNECTORS.size(), dirs.size(), dirs.toString());
            for (Path plugin : dirs) {
                JsonNode manifest =
                        JSON.readTree(plugin.resolve("manifest.json").toFile());
                assertTrue(
                        plugin.getFileName()
                                .toString()
                                .startsWith("vecsync-" + manifest.get("name").asText()),
                        plugin.toString());
                assertTrue(Files.exists(plugin.resolve("doc/README.md")), plugin + " has its docs");
                assertTrue(
                        Files.readString(plugin.resolve("LICENSE")).contains("Apache License"),
                        plugin + " carries the license");
                try (Stream<Path> lib = Files.list(plugin.resolve("lib"))) {
                    List<String> jars = lib.map(p -> p.getFileName().toString()).toList();
                    assertTrue(
                            jars.stream()
                                    .noneMatch(jar -> jar.startsWith("kafka-clients")
                                            || jar.startsWith("connect-api")
                                            || jar.startsWith("slf4j-api")),
                            plugin + " ships what the worker provides: " + jars);
                }
            }
        }
    }

    @Test
    void theWorkerListsEveryConnectorAndValidatesItsShippedConfigs() throws Exception {
        String body = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(connect.endpointForResource("connector-plugins")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Set<String> classes = StreamSupport.stream(JSON.readTree(body).spliterator(), false)
                .map(plugin -> plugin.get("class").asText())
                .collect(Collectors.toSet());
        assertTrue(classes.containsAll(CONNECTORS), classes.toString());

        try (Stream<Path> configs =
                Files.list(PLUGINS).map(plugin -> plugin.resolve("etc")).flatMap(PackagedPluginsIT::list)) {
            for (Path config :
                    configs.filter(p -> p.toString().endsWith(".json")).toList()) {
                Map<String, String> props = new LinkedHashMap<>(ShippedConfigs.restJson(config));
                // The REST API takes the name beside the config; the validate call wants it inside.
                props.put("name", JSON.readTree(config.toFile()).get("name").asText());
                String simpleName = props.get("connector.class")
                        .substring(props.get("connector.class").lastIndexOf('.') + 1);
                ConfigInfos validated = connect.validateConnectorConfig(simpleName, props);
                assertEquals(
                        0,
                        validated.errorCount(),
                        config + ": "
                                + validated.configs().stream()
                                        .filter(info ->
                                                !info.configValue().errors().isEmpty())
                                        .map(info -> info.configValue().name() + " "
                                                + info.configValue().errors())
                                        .toList());
            }
        }
    }

    @Test
    void theSourceAndThePgvectorSinkSyncThroughTheirPluginClassLoaders() throws Exception {
        String table = "plugin_path_segments";
        try (Connection db = DriverManager.getConnection(PostgresServer.jdbcUrl());
                Statement statement = db.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        }
        connect.kafka().createTopic("plugin-segments", 1, 1, Map.of("cleanup.policy", "compact"));
        try (PlatformSimulator simulator =
                PlatformSimulator.builder().seed(71).videos(5).build().start()) {
            connect.configureConnector(
                    "plugin-source",
                    ConnectorConfigs.platformSource(simulator.baseUrl(), simulator.apiKey(), "plugin-segments"));
            Map<String, String> sink = new LinkedHashMap<>(ConnectorConfigs.jsonConverters());
            sink.put("connector.class", "io.vecsync.pgvector.PgVectorSinkConnector");
            sink.put("topics", "plugin-segments");
            sink.put("pgvector.url", PostgresServer.jdbcUrl());
            sink.put("pgvector.table", table);
            connect.configureConnector("plugin-sink", sink);
            int expected = SinkPipelineSuite.truth(simulator).size();
            Eventually.await(
                    Duration.ofSeconds(120),
                    expected + " rows through the packaged plugins",
                    () -> rows(table) == expected,
                    () -> rows(table) + " rows");
        }
    }

    @SuppressWarnings("StreamResourceLeak") // only called from flatMap, which closes each stream
    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long rows(String table) {
        try (Connection db = DriverManager.getConnection(PostgresServer.jdbcUrl());
                Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        } catch (Exception notYet) {
            return -1;
        }
    }
}
