/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.lucene.LuceneSinkConfig;
import io.vecsync.lucene.LuceneSinkConnector;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service as its users start it, in a JVM of its own: what it says when it cannot start, and what it logs when it does. */
@Tag("slow")
class QueryServiceMainTest {

    @TempDir
    static Path dir;

    private static Path index;

    @BeforeAll
    static void emptyIndex() throws Exception {
        index = dir.resolve("index");
        SimulatorSegments.write(
                new LuceneSinkConnector(), Map.of(LuceneSinkConfig.DIRECTORY, index.toString()), List.of());
    }

    /** A config for the Lucene index, the settings given one a line; the platform is never called before a search. */
    private static Path config(String... settings) throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "platform.base.url=http://127.0.0.1:9",
                "platform.api.key=sk-secret-main",
                "lucene.directory=" + index));
        lines.addAll(List.of(settings));
        return Files.write(Files.createTempFile(dir, "query", ".properties"), lines);
    }

    /** Starts the service with the config; what it prints on stderr goes to the file. */
    private static Process start(Path config, Path stderr) throws Exception {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        QueryServiceMain.class.getName(),
                        config.toString())
                .redirectError(stderr.toFile())
                .start();
    }

    /** Runs the service to its failure: exit status 1 and the one line it printed. */
    private static String failure(Path config) throws Exception {
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        Process process = start(config, stderr);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the service did not give up");
        String err = Files.readString(stderr);
        assertEquals(1, process.exitValue(), err);
        assertEquals("", out);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), "one line, no stack trace:\n" + err);
        assertTrue(lines.get(0).startsWith("vecsync query service cannot start: "), err);
        assertFalse(err.contains("sk-secret-main"), err);
        return lines.get(0);
    }

    @Test
    void aMissingConfigFileIsNamed() throws Exception {
        Path missing = dir.resolve("nowhere.properties");
        assertEquals(
                "vecsync query service cannot start: the config file " + missing + " does not exist", failure(missing));
    }

    @Test
    void aPortInUseIsNamedWithTheKeyThatSetsIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String line = failure(config("store=lucene", "http.port=" + taken.getLocalPort()));
            assertTrue(line.contains("127.0.0.1:" + taken.getLocalPort()) && line.contains("http.port"), line);
        }
    }

    @Test
    void aMissingStoreIsNamed() throws Exception {
        String line = failure(config());
        assertTrue(line.contains("\"store\""), line);
    }

    /** A start logs what it does in a few lines, not the store's whole config: the Lucene sink's has 20 values. */
    @Test
    void aStartLogsNoConfigDump() throws Exception {
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        Process process = start(config("store=lucene", "http.port=0"), stderr);
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String started = out.readLine();
            assertTrue(
                    started != null && started.startsWith("vecsync query service on port "), String.valueOf(started));
        } finally {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }
        String err = Files.readString(stderr);
        assertFalse(err.contains("values:"), err);
        assertFalse(err.contains("sk-secret-main"), err);
    }
}
