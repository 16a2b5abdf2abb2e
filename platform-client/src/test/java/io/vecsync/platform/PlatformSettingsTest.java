/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void dropsTrailingSlashesAndNeverPrintsTheKey() {
        PlatformSettings settings = new PlatformSettings(
                "https://api.example.com//", "sk-secret", "platform.api.key", SECOND, SECOND, 0, 0, 0, 1);
        assertEquals("https://api.example.com", settings.baseUrl());
        assertFalse(settings.toString().contains("sk-secret"), settings.toString());
        assertTrue(settings.toString().contains("platform.api.key"), settings.toString());
    }

    @Test
    void refusesWhatCannotWork() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new PlatformSettings("ftp://x", "k", "key", SECOND, SECOND, 0, 0, 0, 1));
        IllegalArgumentException noKey = assertThrows(
                IllegalArgumentException.class,
                () -> new PlatformSettings("http://x", "", "platform.api.key", SECOND, SECOND, 0, 0, 0, 1));
        assertEquals("platform.api.key is empty", noKey.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new PlatformSettings("http://x", "k", "key", Duration.ZERO, SECOND, 0, 0, 0, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PlatformSettings("http://x", "k", "key", SECOND, SECOND, -1, 0, 0, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PlatformSettings("http://x", "k", "key", SECOND, SECOND, 1, 10, 5, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PlatformSettings("http://x", "k", "key", SECOND, SECOND, 1, 0, 0, 0));
    }
}
