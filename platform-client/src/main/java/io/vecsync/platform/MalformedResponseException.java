/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

/** The platform's answer cannot be used: invalid JSON, the wrong shape or dimension, a non-UUID id, or too large. */
public final class MalformedResponseException extends PlatformException {

    private static final long serialVersionUID = 1L;

    MalformedResponseException(String message) {
        super(message);
    }

    MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
