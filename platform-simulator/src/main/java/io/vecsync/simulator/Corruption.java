/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

/** Ways a video's embeddings response can be broken on purpose. */
public enum Corruption {
    /** The body is cut off halfway, so it is not valid JSON. */
    MALFORMED_JSON,
    /** One segment carries one value fewer than the configured dimension. */
    WRONG_DIMENSION
}
