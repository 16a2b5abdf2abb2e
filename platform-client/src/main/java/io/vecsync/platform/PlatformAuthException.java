/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

/** The platform refused the API key itself (401 anywhere, 403 where no single item is at stake); retrying will not help. */
public final class PlatformAuthException extends PlatformException {

    private static final long serialVersionUID = 1L;

    PlatformAuthException(String message) {
        super(message);
    }
}
