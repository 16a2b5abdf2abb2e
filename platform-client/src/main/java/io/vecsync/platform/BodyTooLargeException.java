/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

import java.io.IOException;

/** A streamed body passed its size cap; what was read so far is not the whole of it. */
public final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long max) {
        super("the body is over " + max + " bytes");
    }
}
