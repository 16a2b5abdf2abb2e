/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The class path bin/demo runs the demo with (written by the build before the tests) holds no test code, no
 * connector and no store client: what runs for users compiles against none of it, and the worker's plugins bring
 * their own.
 */
class DemoClassPathTest {

    /** JUnit and its kin, test-support, any test jar or test-jar, Testcontainers, vecsync's plugins, gRPC. */
    private static final Pattern NOT_FOR_THE_DEMO = Pattern.compile(
            "junit.*|opentest4j.*|apiguardian.*|test-support-.*|.*-tests?\\.jar|testcontainers-.*|source-connector-.*"
                    + "|.*-sink-.*|grpc-.*|toxiproxy-.*");

    @Test
    void theDemosClassPathHoldsNoTestCodeAndNoPlugin() throws IOException {
        List<String> jars = Arrays.stream(Files.readString(Path.of("target/demo.classpath"), StandardCharsets.UTF_8)
                        .trim()
                        .split(File.pathSeparator))
                .map(entry -> Path.of(entry).getFileName().toString())
                .toList();
        assertTrue(jars.stream().anyMatch(jar -> jar.startsWith("embedded-connect-")), jars.toString());
        assertEquals(
                List.of(),
                jars.stream()
                        .filter(jar -> NOT_FOR_THE_DEMO.matcher(jar).matches())
                        .toList());
    }
}
