/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class StoreExceptionTest {

    @Test
    void aRetriableFailureIsUnavailableAndAnyOtherIsAPlainStoreFailure() {
        IOException cause = new IOException("connection refused");
        StoreException retriable = StoreException.of("searching t failed", cause, true);
        assertInstanceOf(StoreUnavailableException.class, retriable);
        assertEquals("searching t failed", retriable.getMessage());
        assertSame(cause, retriable.getCause());

        StoreException permanent = StoreException.of("searching t failed: no such table", cause, false);
        assertFalse(permanent instanceof StoreUnavailableException);
        assertEquals(StoreException.class, permanent.getClass());
    }
}
