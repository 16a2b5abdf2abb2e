/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.search;

/** A store setting is missing or invalid; the message names the key to fix, never a secret's value. */
public class StoreConfigException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
