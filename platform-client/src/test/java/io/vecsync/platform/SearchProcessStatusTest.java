/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchProcessStatusTest {

    @ParameterizedTest
    @ValueSource(strings = {"done", "DONE", "success", "SUCCESS", "completed", "Completed", " done "})
    void doneVocabularies(String status) {
        assertTrue(SearchProcessStatus.isDone(status));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "pending", "in_progress", "enqueued", "failed", "error", "processing", "not done"})
    void everythingElseIsNotDone(String status) {
        assertFalse(SearchProcessStatus.isDone(status));
    }
}
