/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.platform;

/** Counters the caller may keep; every method has an empty default. Called from whichever thread made the call. */
public interface PlatformListener {

    /** Counts nothing. */
    PlatformListener NONE = new PlatformListener() {};

    /** An attempt is about to be sent to {@code route} (a name such as {@code video-embeddings}); retries count again. */
    default void request(String route) {}

    /** A failed attempt is about to be retried. */
    default void retried() {}

    /** The platform answered 429. */
    default void rateLimited() {}

    /** An attempt on an embeddings endpoint (video or text), which costs a credit unless the platform refunds it. */
    default void embeddingsCalled() {}
}
