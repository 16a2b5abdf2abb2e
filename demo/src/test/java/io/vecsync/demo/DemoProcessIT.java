/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's JVM as a user meets it: stopped by Ctrl-C or kill -INT, failing in plain lines, quiet unless --verbose. */
@Tag("slow")
class DemoProcessIT {

    /** "Exits in seconds": the broker, the worker and the query service stop within this. */
    private static final Duration STOP = Duration.ofSeconds(10);

    private static final int SIGINT_STATUS = 128 + 2;
    private static final Path SHIPPED_SECRETS = Path.of("/etc/kafka/vecsync-secrets.properties");

    @TempDir
    Path dir;

    @Test
    void ctrlCStopsTheDemoAndItsQueryServiceInSecondsWithoutAStackTrace() throws Exception {
        stopsCleanlyOnSigint(true);
    }

    @Test
    void sigintToTheDemoAloneStopsItAndItsQueryServiceInSecondsWithoutAStackTrace() throws Exception {
        stopsCleanlyOnSigint(false);
    }

    private void stopsCleanlyOnSigint(boolean toGroup) throws Exception {
        try (DemoProcess demo = DemoProcess.start(dir, "--videos", "2")) {
            demo.awaitOutput("Ctrl-C to stop", DemoRuns.RUN);
            assertItsAddressesAnswer(demo.output());
            List<ProcessHandle> queryService = demo.children();
            assertEquals(1, queryService.size(), "the query service runs beside the demo");

            demo.signal("INT", toGroup);

            assertEquals(SIGINT_STATUS, demo.awaitExit(STOP));
            assertFalse(queryService.get(0).isAlive(), "the query service is stopped with the demo");
            String output = demo.output();
            assertTrue(
                    output.endsWith("Ctrl-C to stop\nstopping the query service, the connectors and the broker...\n"),
                    output);
            DemoRuns.assertQuiet(output);
        }
    }

    /** The broker and the Connect REST API the demo prints can be used while it runs. */
    private static void assertItsAddressesAnswer(String output) throws Exception {
        Matcher addresses = Pattern.compile("Kafka broker: (\\S+) +Connect REST API: (\\S+)")
                .matcher(output);
        assertTrue(addresses.find(), output);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, addresses.group(1)))) {
            assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(DemoMain.TOPIC));
        }
        HttpResponse<String> connectors = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(addresses.group(2))).build(),
                        HttpResponse.BodyHandlers.ofString());
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(connectors.body()).forEach(name -> names.add(name.asText()));
        assertEquals(
                List.of("vecsync-lucene", DemoMain.SOURCE),
                names.stream().sorted().toList(),
                connectors.body());
    }

    @Test
    void aStoreConfigThatIsNotThereIsNamedInTwoPlainLines() throws Exception {
        Path absent = dir.resolve("pgvector.properties");
        try (DemoProcess demo = DemoProcess.start(dir, "--store-config", absent.toString())) {
            assertEquals(2, demo.awaitExit(DemoRuns.RUN));
            assertEquals(
                    "bin/demo: --store-config: " + absent + " not found\nbin/demo --help lists the options\n",
                    demo.output());
        }
    }

    /** The shipped Pinecone config reads its key from a secrets file this machine does not have: Connect refuses it. */
    @Test
    void aConnectorTheWorkerRefusesIsExplainedWithoutAStackTrace() throws Exception {
        assumeFalse(Files.exists(SHIPPED_SECRETS));
        Path config = DemoRuns.shippedConfig(dir, "pinecone", Map.of());
        try (DemoProcess demo = DemoProcess.start(dir, "--videos", "1", "--store-config", config.toString())) {
            assertEquals(1, demo.awaitExit(DemoRuns.RUN));
            String output = demo.output();
            assertTrue(
                    output.startsWith(
                            "note: pinecone.api.key reads " + SHIPPED_SECRETS + ", which does not exist: left unset\n"),
                    output);
            assertTrue(
                    output.contains(
                            "\nbin/demo: Connect refused connector vecsync-pinecone: Connector configuration is invalid"),
                    output);
            assertTrue(
                    output.contains(
                            "\nMissing required configuration \"pinecone.api.key\" which has no default value.\n"),
                    output);
            assertTrue(output.endsWith("\n(bin/demo --verbose shows Kafka's and the connectors' logs)\n"), output);
            DemoRuns.assertQuiet(output);
        }
    }

    @Test
    void verboseShowsKafkasLogsAndTheStackTrace() throws Exception {
        assumeFalse(Files.exists(SHIPPED_SECRETS));
        Path config = DemoRuns.shippedConfig(dir, "pinecone", Map.of());
        try (DemoProcess demo =
                DemoProcess.start(dir, "--videos", "1", "--verbose", "--store-config", config.toString())) {
            assertEquals(1, demo.awaitExit(DemoRuns.RUN));
            String output = demo.output();
            assertTrue(output.contains("Bootstrap metadata: "), output);
            assertTrue(output.contains(" INFO org.apache.kafka.connect.runtime.Worker - "), output);
            assertTrue(output.contains("\tat io.vecsync.demo.DemoMain.configure("), output);
        }
    }
}
