/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition of the running system by polling it, failing with what was awaited when it takes too long. */
public final class Await {

    private Await() {}

    public static void until(String what, Duration timeout, Duration step, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": not done after " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(step.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }
}
