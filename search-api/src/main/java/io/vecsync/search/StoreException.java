/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.search;

/**
 * A store failed a search call; the message says what was being done and, where the store tells, what to fix. It may
 * carry the store's own words (hosts, tables): for operators' logs, not for an application's callers.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A store failure in this API's terms: a {@link StoreUnavailableException} when trying again later may succeed. */
    public static StoreException of(String message, Throwable cause, boolean retriable) {
        return retriable ? new StoreUnavailableException(message, cause) : new StoreException(message, cause);
    }
}
