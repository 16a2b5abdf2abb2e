/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import io.vecsync.bench.common.Jmx;

/** The source connector's per-task JMX counters, read as an operator's tooling reads them; zero for a task not running. */
final class SourceTaskMetrics {

    private SourceTaskMetrics() {}

    /** The attribute summed over the connector's tasks. */
    static long sum(String connector, String attribute) {
        return (long) Jmx.sum("kafka.connect:type=plugins,connector=" + connector + ",*", attribute);
    }

    /** The attribute of one task. */
    static long task(String connector, int task, String attribute) {
        return (long) Jmx.sum("kafka.connect:type=plugins,connector=" + connector + ",task=" + task + ",*", attribute);
    }
}
