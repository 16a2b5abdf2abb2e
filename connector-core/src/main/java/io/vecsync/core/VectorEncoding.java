/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

/** How a segment's embedding travels on the topic. */
public enum VectorEncoding {
    /** An array of float32: readable by any consumer, ~12.7 kB a 1024-d vector in JSON. */
    FLOAT_ARRAY,
    /** Little-endian float32 bytes ({@link Float32Codec}): 4,096 bytes a 1024-d vector before the converter. */
    FLOAT32_LE;
}
