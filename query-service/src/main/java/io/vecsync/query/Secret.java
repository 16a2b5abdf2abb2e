/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

/** A setting's secret value (an API key): its {@code toString()} hides it, so it never reaches a log or a message. */
public final class Secret {

    static final String HIDDEN = "[hidden]";

    private final String value;

    Secret(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return HIDDEN;
    }
}
