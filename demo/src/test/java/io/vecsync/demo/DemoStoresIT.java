/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.chroma.ChromaServer;
import io.vecsync.pinecone.fake.FakePinecone;
import io.vecsync.qdrant.fake.FakeQdrant;
import io.vecsync.testing.PostgresServer;
import io.vecsync.weaviate.WeaviateServer;
import io.vecsync.weaviate.fake.FakeWeaviate;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every store bin/demo --help names, as it says to use them: the shipped config/&lt;store&gt;-sink.properties plus
 * store=&lt;store&gt;, with its address pointed at a server (real, or the tests' fake speaking the store's protocol).
 * The sink connector takes the file's name, and the example queries find their segments through the query service.
 */
@Tag("slow")
class DemoStoresIT {

    private static final int VIDEOS = 2;

    @TempDir
    Path dir;

    /**
     * With Kafka's logs shown: the worker finds the dead-letter topic the shipped file names already there, made for
     * one broker, and logs no error. The file is renamed, as a user may: the connector takes the file's name.
     */
    @Test
    void luceneRenamedWithKafkasLogs() throws Exception {
        String output = sync(
                "lucene",
                Map.of("lucene.directory", dir.resolve("index").toString(), "name", "my-lucene-sink"),
                "--verbose");

        // The admin client a sink task's dead-letter queue makes the topic with when it is missing.
        assertTrue(
                output.contains("client.id = connector-dlq-adminclient-my-lucene-sink-0"), "the task set up its DLQ");
        DemoRuns.assertNoErrorLogged(output);
    }

    @Test
    void pgvector() throws Exception {
        try (Connection db = DriverManager.getConnection(PostgresServer.jdbcUrl());
                Statement statement = db.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS video_segments");
        }
        // The server's URL names its user, which the driver prefers to pgvector.user.
        syncAndSearch("pgvector", Map.of("pgvector.url", PostgresServer.jdbcUrl()));
    }

    @Test
    void qdrant() throws Exception {
        try (FakeQdrant qdrant = FakeQdrant.start(null)) {
            syncAndSearch(
                    "qdrant", Map.of("qdrant.host", qdrant.host(), "qdrant.port", Integer.toString(qdrant.port())));
        }
    }

    /** The shipped file reads the key from a secrets file, which the worker and the query service both get. */
    @Test
    void pinecone() throws Exception {
        try (FakePinecone pinecone = FakePinecone.start("pc-demo-key")) {
            Path secrets = Files.writeString(dir.resolve("secrets.properties"), "pinecone.api.key=pc-demo-key\n");
            syncAndSearch(
                    "pinecone",
                    Map.of(
                            "pinecone.api.key",
                            "${file:" + secrets + ":pinecone.api.key}",
                            "pinecone.host",
                            pinecone.controlPlaneUrl(),
                            "pinecone.tls",
                            "false"));
        }
    }

    /** A real Weaviate where bin/test built one, else the fake. */
    @Test
    void weaviate() throws Exception {
        if (WeaviateServer.available()) {
            WeaviateServer weaviate = WeaviateServer.get();
            syncAndSearchWeaviate(WeaviateServer.HOST, weaviate.httpPort(), weaviate.grpcPort());
            return;
        }
        try (FakeWeaviate weaviate = FakeWeaviate.start()) {
            syncAndSearchWeaviate(weaviate.host(), weaviate.httpPort(), weaviate.grpcPort());
        }
    }

    private void syncAndSearchWeaviate(String host, int httpPort, int grpcPort) throws Exception {
        syncAndSearch(
                "weaviate",
                Map.of(
                        "weaviate.host",
                        host,
                        "weaviate.http.port",
                        Integer.toString(httpPort),
                        "weaviate.grpc.port",
                        Integer.toString(grpcPort)));
    }

    @Test
    void chroma() throws Exception {
        Assumptions.assumeTrue(ChromaServer.available(), "Chroma is not installed here (bin/chroma-provision)");
        syncAndSearch("chroma", Map.of("chroma.url", ChromaServer.get().url()));
    }

    private void syncAndSearch(String store, Map<String, String> address) throws Exception {
        String output = sync(store, address);

        DemoRuns.assertExamplesFindTheirSegments(output, VIDEOS);
        DemoRuns.assertQuiet(output);
    }

    /** Runs the demo on the store's shipped config with its address set; returns its output. */
    private String sync(String store, Map<String, String> address, String... options) throws Exception {
        Path file = DemoRuns.shippedConfig(dir, store, address);
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            config.load(reader);
        }

        String output = DemoRuns.runToCompletion(
                dir,
                Stream.concat(
                                Stream.of("--videos", Integer.toString(VIDEOS), "--store-config", file.toString()),
                                Stream.of(options))
                        .toArray(String[]::new));

        assertTrue(
                output.contains("sink connector " + config.getProperty("name") + " (" + store + ")"),
                "the sink connector is named as the file says:\n" + output);
        return output;
    }
}
