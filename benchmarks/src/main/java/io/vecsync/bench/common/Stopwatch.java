/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

/** Wall-clock seconds since it was started. */
public final class Stopwatch {

    private final long startNanos = System.nanoTime();

    public static Stopwatch start() {
        return new Stopwatch();
    }

    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
