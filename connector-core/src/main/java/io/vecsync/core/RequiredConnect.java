/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core;

import java.util.function.Supplier;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.ConnectException;

/** The Connect runtime vecsync needs: its tasks report metrics through plugin metrics, which came with Connect 4.1. */
public final class RequiredConnect {

    public static final String TOO_OLD = "vecsync needs Kafka Connect 4.1 or newer (its plugin metrics); this worker is"
            + " older: upgrade the Connect workers";

    private RequiredConnect() {}

    /**
     * The task's plugin metrics, read by {@code fromContext} (a lambda, so that an older worker's missing method
     * fails inside it); an older worker fails the task with {@link #TOO_OLD} rather than a linkage error.
     */
    public static PluginMetrics pluginMetrics(Supplier<PluginMetrics> fromContext) {
        try {
            return fromContext.get();
        } catch (NoSuchMethodError | NoClassDefFoundError olderWorker) {
            throw new ConnectException(TOO_OLD, olderWorker);
        }
    }
}
