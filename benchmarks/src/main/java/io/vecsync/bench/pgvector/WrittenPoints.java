/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import io.vecsync.bench.common.Jmx;
import io.vecsync.bench.common.SinkTaskMetrics;
import java.util.List;
import java.util.OptionalDouble;
import javax.management.ObjectName;

/**
 * A connector's count of points its tasks wrote (after their commits), from the tasks' MBeans: looked up until every
 * task has one, then read directly, which costs microseconds, so it can be read every few milliseconds. A task that
 * restarts counts from zero again, so this can fall short of the rows written: the table is counted too.
 */
final class WrittenPoints {

    private static final String ATTRIBUTE = "points-upserted-total";

    private final String pattern;
    private final int tasks;
    private List<ObjectName> found = List.of();

    WrittenPoints(String connector, int tasks) {
        this.pattern = SinkTaskMetrics.pattern(connector);
        this.tasks = tasks;
    }

    long read() {
        if (found.size() < tasks) {
            // The connector's own MBean carries no count.
            found = Jmx.names(pattern).stream()
                    .filter(name -> Jmx.value(name, ATTRIBUTE).isPresent())
                    .toList();
        }
        long total = 0;
        for (ObjectName name : found) {
            OptionalDouble count = Jmx.value(name, ATTRIBUTE);
            if (count.isEmpty()) {
                // A task restarted (its count starts again): look its MBean up anew next time.
                found = List.of();
            }
            total += (long) count.orElse(0);
        }
        return total;
    }
}
