/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vecsync.simulator.PlatformSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    private static final String STOPPING = "stopping the query service, the connectors and the broker...\n";
    private static final Path SHIPPED_SECRETS = Path.of("/etc/kafka/vecsync-secrets.properties");
    private static final Set<String> SMALL_WORDS = Set.of("an", "the", "in", "on", "at", "of", "with", "by", "to");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void ctrlCStopsTheDemoAndItsQueryServiceInSecondsWithoutAStackTrace() throws Exception {
        assertStopsQuietly(stopsOnSigint(true));
    }

    @Test
    void sigintToTheDemoAloneStopsItAndItsQueryServiceInSecondsWithoutAStackTrace() throws Exception {
        assertStopsQuietly(stopsOnSigint(false));
    }

    private static void assertStopsQuietly(String output) {
        assertTrue(output.endsWith("Ctrl-C to stop\n" + STOPPING), output);
        DemoRuns.assertQuiet(output);
    }

    /** With Kafka's logs shown: the broker and the worker log no error while they stop (their directory still there). */
    @Test
    void ctrlCStopsTheBrokerAndTheWorkerWithoutAnErrorInTheirLogs() throws Exception {
        DemoRuns.assertNoErrorLogged(stopsOnSigint(true, "--verbose"));
    }

    @Test
    void sigintToTheDemoAloneStopsTheBrokerAndTheWorkerWithoutAnErrorInTheirLogs() throws Exception {
        DemoRuns.assertNoErrorLogged(stopsOnSigint(false, "--verbose"));
    }

    /** Runs the demo until it serves, sends it SIGINT, checks that all of it stopped in seconds; returns its output. */
    private String stopsOnSigint(boolean toGroup, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("--videos", "2"));
        args.addAll(List.of(options));
        try (DemoProcess demo = DemoProcess.start(dir, args.toArray(String[]::new))) {
            demo.awaitOutput("Ctrl-C to stop", DemoRuns.RUN);
            assertItsAddressesAnswer(demo.output());
            List<ProcessHandle> queryService = demo.children();
            assertEquals(1, queryService.size(), "the query service runs beside the demo");

            demo.signal("INT", toGroup);

            assertEquals(SIGINT_STATUS, demo.awaitExit(STOP));
            assertFalse(queryService.get(0).isAlive(), "the query service is stopped with the demo");
            String output = demo.output();
            assertTrue(output.indexOf(STOPPING) > output.indexOf("Ctrl-C to stop\n"), output);
            return output;
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
        String connectors = get(URI.create(addresses.group(2)));
        List<String> names = new ArrayList<>();
        JSON.readTree(connectors).forEach(name -> names.add(name.asText()));
        assertEquals(
                List.of("vecsync-lucene", DemoMain.SOURCE),
                names.stream().sorted().toList(),
                connectors);
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
            // After the demo's progress, two lines: what failed and why, and where to see more.
            List<String> lines = output.lines().toList();
            assertEquals(
                    List.of(
                            "bin/demo: Connect refused connector vecsync-pinecone: Missing required configuration"
                                    + " \"pinecone.api.key\" which has no default value; pinecone.api.key must not be"
                                    + " empty",
                            "(bin/demo --verbose shows Kafka's and the connectors' logs)"),
                    lines.subList(lines.size() - 2, lines.size()),
                    output);
            assertTrue(lines.get(lines.size() - 3).startsWith("Kafka broker: "), output);
            DemoRuns.assertQuiet(output);
        }
    }

    /**
     * The queries the page offers before a first search, on the catalogue bin/demo syncs by default: each finds, among
     * its first five hits, a segment its caption describes in the query's words, so that the results look right.
     */
    @Test
    void everyExampleThePageOffersFindsASegmentCaptionedWithItsWords() throws Exception {
        int videos = DemoOptions.parse(List.of()).videos();
        try (DemoProcess demo = DemoProcess.start(dir);
                PlatformSimulator same =
                        PlatformSimulator.builder().videos(videos).build().start()) {
            demo.awaitOutput("Ctrl-C to stop", DemoRuns.RUN);
            Matcher service = Pattern.compile("query service: (\\S+)").matcher(demo.output());
            assertTrue(service.find(), demo.output());
            URI base = URI.create(service.group(1));
            Map<String, String> captions = new HashMap<>();
            same.liveSegments()
                    .forEach(segment -> captions.put(segment.videoId() + " " + segment.start(), segment.caption()));

            JsonNode examples = JSON.readTree(get(base.resolve("/v1/index"))).path("examples");
            assertTrue(examples.size() >= 3, examples.toString());
            for (JsonNode example : examples) {
                String query = example.asText();
                List<String> found = new ArrayList<>();
                for (JsonNode hit : JSON.readTree(search(base, query, 5)).path("hits")) {
                    found.add(captions.get(hit.path("video_id").asText() + " "
                            + hit.path("start").asText()));
                }
                assertEquals(5, found.size(), query);
                assertTrue(
                        found.stream().anyMatch(caption -> words(caption).containsAll(words(query))),
                        "no segment captioned with the words of '" + query + "' among its hits " + found);
            }
        }
    }

    /** What a text says: its words in lower case, the small ones (a, on, the) left out. */
    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z]+"))
                .filter(word -> word.length() > 1 && !SMALL_WORDS.contains(word))
                .collect(Collectors.toSet());
    }

    private static String get(URI uri) throws Exception {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static String search(URI base, String query, int topK) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(base.resolve("/v1/search"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("query", query, "top_k", topK))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
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
