/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

/** A setting the operator has to fix before the service can start; the message names its key, never a secret's value. */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidConfigException(String message) {
        super(message);
    }

    InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A value that is not what the key takes, in the words operators know from Kafka's configs. */
    static InvalidConfigException invalidValue(String key, Object shown, String problem) {
        return new InvalidConfigException("Invalid value " + shown + " for configuration " + key + ": " + problem);
    }
}
