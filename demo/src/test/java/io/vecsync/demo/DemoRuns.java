/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The demo run to its end with --exit-after-sync, store configs as its --help says to write them, and what its output must show. */
final class DemoRuns {

    /** Start-up, a sync of a few videos and the query service, on a busy 2-core machine. */
    static final Duration RUN = Duration.ofSeconds(180);

    private DemoRuns() {}

    /**
     * A store config as bin/demo --help says to write one: the shipped config/&lt;store&gt;-sink.properties plus
     * store=&lt;store&gt;, and settings (the server's address) after them, which win in a properties file.
     */
    static Path shippedConfig(Path dir, String store, Map<String, String> settings) throws IOException {
        StringBuilder config = new StringBuilder(
                Files.readString(DemoMain.repositoryRoot().resolve("config/" + store + "-sink.properties")));
        config.append("\nstore=").append(store).append('\n');
        settings.forEach(
                (key, value) -> config.append(key).append('=').append(value).append('\n'));
        return Files.writeString(dir.resolve(store + ".properties"), config);
    }

    static void removeTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Runs the demo to the end of its example queries; returns its output, having checked that it exited 0. */
    static String runToCompletion(Path dir, String... args) throws Exception {
        try (DemoProcess demo = DemoProcess.start(
                dir,
                Stream.concat(Stream.of(args), Stream.of("--exit-after-sync")).toArray(String[]::new))) {
            int status = demo.awaitExit(RUN);
            String output = demo.output();
            assertEquals(0, status, output);
            return output;
        }
    }

    /** Only the demo's own lines: no log lines, stack traces, Kafka's storage formatter or terminal escape codes. */
    static void assertQuiet(String output) {
        for (String noise : List.of("ERROR", "WARN", "INFO", "Exception", "\tat ", "Bootstrap metadata", "\u001b[")) {
            assertFalse(output.contains(noise), "'" + noise + "' in:\n" + output);
        }
    }

    /**
     * With --verbose: Kafka's logs are shown, and none of their lines is an error or a stack trace (a failure quotes
     * the first such line and a few after it: the whole output is long).
     */
    static void assertNoErrorLogged(String output) {
        assertTrue(output.contains(" INFO org.apache.kafka."), "Kafka's logs are shown:\n" + output);
        List<String> lines = output.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains(" ERROR ") || line.startsWith("\tat ") || line.startsWith("Exception in thread")) {
                fail("an error in the logs, line " + (i + 1) + " of " + lines.size() + ":\n"
                        + String.join("\n", lines.subList(Math.max(0, i - 2), Math.min(lines.size(), i + 8))));
            }
        }
    }

    /**
     * Each example query repeats one segment's caption, so its first hit must be that segment: the store holds the
     * sync and the query service searches it. The demo's simulator is deterministic: another with the same settings
     * holds the same segments.
     */
    static void assertExamplesFindTheirSegments(String output, int videos) {
        try (PlatformSimulator same =
                PlatformSimulator.builder().videos(videos).build().start()) {
            List<String> queries = DemoMain.exampleQueries(same);
            assertEquals(3, queries.size());
            for (String query : queries) {
                Segment expected = same.liveSegments().stream()
                        .filter(s -> s.caption().equals(query))
                        .findFirst()
                        .orElseThrow();
                Matcher first = Pattern.compile("query: \"" + Pattern.quote(query)
                                + "\"\\R  1\\. (.+?) +\\[(\\S+) - (\\S+)] score (\\S+)  (\\S+)")
                        .matcher(output);
                assertTrue(first.find(), "the hits of '" + query + "' are printed:\n" + output);
                assertEquals(expected.start(), first.group(2), "the first hit of '" + query + "' is its segment");
                assertEquals(expected.end(), first.group(3));
                assertTrue(Double.parseDouble(first.group(4)) > 0.5, first.group(0));
                assertTrue(
                        first.group(5).matches("http://127\\.0\\.0\\.1:\\d+/v1/media/.+"),
                        "a link a user can open, through the service's media proxy: " + first.group(0));
            }
        }
    }
}
