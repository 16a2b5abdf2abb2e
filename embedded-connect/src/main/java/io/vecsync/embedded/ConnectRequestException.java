/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.embedded;

/** A REST call the worker refused: its status and the worker's message. */
public final class ConnectRequestException extends RuntimeException {

    private final int status;

    ConnectRequestException(int status, String workerMessage) {
        super(workerMessage);
        this.status = status;
    }

    /** The HTTP status the worker answered, e.g. 400 for a config it refused, 404 for a connector it does not have. */
    public int status() {
        return status;
    }
}
