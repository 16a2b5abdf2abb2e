/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

/** Ends a request with an error status and a {"detail": ...} body. */
final class HttpError extends RuntimeException {

    private final int status;

    HttpError(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
