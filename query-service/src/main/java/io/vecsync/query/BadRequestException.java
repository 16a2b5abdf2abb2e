/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

/** A request the service refuses with 400, naming the offending field. */
final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String field;

    BadRequestException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    String field() {
        return field;
    }
}
