/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

/** A sink connector's tasks' JMX metrics, as the vecsync sinks register them. */
public final class SinkTaskMetrics {

    private SinkTaskMetrics() {}

    /** The object name pattern of the connector's MBeans: the connector's own and each task's. */
    public static String pattern(String connector) {
        return "kafka.connect:type=plugins,connector=" + connector + ",*";
    }

    /** The tasks' time spent in the store's writes and their count of bulk writes, summed; only while the tasks exist. */
    public static WriteTotals writeTotals(String connector) {
        String tasks = pattern(connector);
        return new WriteTotals(
                Jmx.sum(tasks, "write-time-ms-total") / 1000, (long) Jmx.sum(tasks, "batches-written-total"));
    }

    /** Seconds in writes and bulk writes, from the tasks' start or between two readings. */
    public record WriteTotals(double writeSeconds, long writes) {

        public WriteTotals minus(WriteTotals earlier) {
            return new WriteTotals(writeSeconds - earlier.writeSeconds, writes - earlier.writes);
        }
    }
}
