/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailedVideosTest {

    @Test
    void aFailingVideoWaitsLongerEachTimeUpToTheCap() {
        FailedVideos failed = new FailedVideos(1_000);
        assertTrue(failed.due("v", 0));
        assertEquals(1_000, failed.failed("v", 0));
        assertFalse(failed.due("v", 999));
        assertTrue(failed.due("v", 1_000));
        assertEquals(2_000, failed.failed("v", 1_000));
        assertEquals(4_000, failed.failed("v", 3_000));
        for (int i = 0; i < 40; i++) {
            failed.failed("v", 0);
        }
        assertEquals(FailedVideos.MAX_BACKOFF_MS, failed.failed("v", 0));
        assertTrue(failed.due("other", 0), "other videos are not held back");
    }

    @Test
    void successForgetsTheFailures() {
        FailedVideos failed = new FailedVideos(1_000);
        failed.failed("v", 0);
        failed.failed("v", 0);
        failed.succeeded("v");
        assertEquals(0, failed.size());
        assertEquals(1_000, failed.failed("v", 0));
    }
}
