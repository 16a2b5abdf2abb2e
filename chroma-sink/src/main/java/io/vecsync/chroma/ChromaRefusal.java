/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.chroma;

import org.apache.kafka.connect.errors.ConnectException;

/** A request Chroma refused with a 4xx status other than an authentication failure; what it means is the caller's call. */
final class ChromaRefusal extends ConnectException {

    private static final long serialVersionUID = 1L;
    private final int status;

    /** @param message what was being done, the status and Chroma's error and message */
    ChromaRefusal(String message, int status) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    boolean notFound() {
        return status == 404;
    }
}
