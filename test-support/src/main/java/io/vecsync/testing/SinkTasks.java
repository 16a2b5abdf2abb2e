/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** Drives a sink task as a worker does before it commits offsets: put(), then flush, which waits for the writes. */
public final class SinkTasks {

    private SinkTasks() {}

    /** Delivers the records and waits until they are written; throws what the put() or its writes threw. */
    public static void write(SinkTask task, Collection<SinkRecord> records) {
        task.put(records);
        task.flush(Map.of());
    }
}
