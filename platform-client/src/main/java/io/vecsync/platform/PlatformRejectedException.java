/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

/** The platform refused a request about one item (400, 403 "not yours", 413, 422, ...); other items are unaffected. */
public final class PlatformRejectedException extends PlatformException {

    private static final long serialVersionUID = 1L;
    private final int status;

    PlatformRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the platform answered. */
    public int status() {
        return status;
    }
}
