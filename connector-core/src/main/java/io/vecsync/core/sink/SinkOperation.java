/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One record turned into an upsert (point present) or a delete (point null) of an id.
 *
 * @param record the record it came from, for error reporting
 */
public record SinkOperation(SinkRecord record, String id, VectorPoint point) {

    public boolean isDelete() {
        return point == null;
    }
}
