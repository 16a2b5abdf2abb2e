/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import org.apache.kafka.connect.errors.ConnectException;

/**
 * Thrown by {@link VectorWriter#write} when the store refused a request for a point in it without naming the point
 * (e.g. a 400 for the whole request). The framework then writes the batch again in halves, and halves of those, until
 * each refused point stands alone: its record goes to the dead-letter queue (or fails the task) with this exception's
 * message as the reason, and every other point is written. Writes must be idempotent for this, as retries need too.
 */
public class RefusedBatchException extends ConnectException {

    private static final long serialVersionUID = 1L;

    /** @param message the store's reason, as the dead-letter queue shows it for a point refused alone */
    public RefusedBatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
