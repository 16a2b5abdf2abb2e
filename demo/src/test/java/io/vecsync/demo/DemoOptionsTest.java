/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's command line: what each mistake is told. */
class DemoOptionsTest {

    @Test
    void badOptionsExplainThemselves(@TempDir Path dir) {
        assertEquals(
                "--base-url needs --api-key (or VECSYNC_API_KEY)", refusal("--base-url", "https://api.example.com"));
        assertEquals("--videos must be a whole number of at least 1, not many", refusal("--videos", "many"));
        assertEquals("--videos must be a whole number of at least 1, not 0", refusal("--videos", "0"));
        assertEquals("--store-config needs a value", refusal("--store-config"));
        assertEquals(
                "--store-config: " + dir.resolve("pgvector.properties") + " not found",
                refusal("--store-config", dir.resolve("pgvector.properties").toString()));
        assertEquals("unknown option --store", refusal("--store", "pgvector"));
    }

    private static String refusal(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(List.of(args)))
                .getMessage();
    }
}
