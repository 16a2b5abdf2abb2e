/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.SegmentIds;
import io.vecsync.core.VectorEncoding;
import java.util.List;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    @Test
    void urlsNeedAnAllowedSchemeAndAHost() {
        var url = Validators.url("http", "https");
        assertEquals("an absolute http:// or https:// URL", url.toString());
        assertDoesNotThrow(() -> url.ensureValid("k", "HTTPS://api.example.com:8443/base"));
        ConfigException error =
                assertThrows(ConfigException.class, () -> url.ensureValid("platform.base.url", "ftp://x"));
        assertTrue(
                error.getMessage().contains("platform.base.url")
                        && error.getMessage().contains("must be an absolute"),
                error.getMessage());
        assertThrows(ConfigException.class, () -> url.ensureValid("k", "not a url"));
        assertThrows(ConfigException.class, () -> url.ensureValid("k", "http:///path-only"));
    }

    @Test
    void anEmptyPasswordIsRejectedWithoutEchoingIt() {
        var password = Validators.nonEmptyPassword();
        ConfigException error =
                assertThrows(ConfigException.class, () -> password.ensureValid("api.key", new Password("  ")));
        assertEquals("api.key must not be empty", error.getMessage());
        assertDoesNotThrow(() -> password.ensureValid("api.key", new Password("sk-1")));
    }

    @Test
    void optionalValidatorsAcceptBlankAndNameTheBadElement() {
        assertDoesNotThrow(() -> Validators.optionalUuid().ensureValid("k", null));
        assertDoesNotThrow(() -> Validators.optionalUuid().ensureValid("k", " "));
        assertThrows(ConfigException.class, () -> Validators.optionalUuid().ensureValid("k", "1-2-3-4-5"));
        assertEquals("a UUID, or empty", Validators.optionalUuid().toString());
        assertThrows(ConfigException.class, () -> Validators.optionalInstant().ensureValid("k", "2026-13-01"));
        ConfigException error = assertThrows(
                ConfigException.class,
                () -> Validators.uuidList()
                        .ensureValid("ids", List.of("3fa85f64-5717-4562-b3fc-2c963f66afa6", "nope")));
        assertTrue(error.getMessage().contains("'nope' is not a UUID"), error.getMessage());
        assertFalse(SegmentIds.isUuid("3fa85f64-5717-4562-b3fc-2c963f66afa"));
    }

    @Test
    void enumsAreLowerCaseConfigValues() {
        assertArrayEquals(new String[] {"float_array", "float32_le"}, ConfigEnums.values(VectorEncoding.class));
        assertEquals(VectorEncoding.FLOAT32_LE, ConfigEnums.parse(VectorEncoding.class, " Float32_LE "));
        assertEquals("float_array", ConfigEnums.value(VectorEncoding.FLOAT_ARRAY));
    }
}
