/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimecodesTest {

    @ParameterizedTest
    @CsvSource({
        "00:00:00, 0",
        "00:01:40, 100",
        "01:02:03, 3723",
        "10:00:00, 36000",
        "01:40, 100",
        "7, 7",
        "00:00:10.5, 10.5",
        "' 00:00:05 ', 5",
    })
    void parsesSeconds(String timecode, double seconds) {
        assertEquals(seconds, Timecodes.toSeconds(timecode), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ab:cd:ef",
                "00:60:00",
                "00:00:61",
                "1:2:3:4",
                "00::10",
                "-1:00:00",
                "00:00:1.2.3",
                "00:00:.5"
            })
    void rejectsNonTimestampsNamingTheValue(String timecode) {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Timecodes.toSeconds(timecode));
        assertTrue(timecode.isEmpty() || error.getMessage().contains(timecode.trim()), error.getMessage());
    }
}
