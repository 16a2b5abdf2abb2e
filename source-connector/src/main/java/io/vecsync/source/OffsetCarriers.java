/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.core.SegmentIds;
import io.vecsync.core.SegmentSchema;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Records whose only job is to carry an offset that no segment record carries (an index bucket's, or a migrated
 * video's): Connect commits an offset only with a record. Each is a tombstone of an id no segment ever has, keyed
 * {@code uuid5(NAMESPACE_URL, "vecsync-offset|<partition>")}, so every sink deletes nothing.
 */
final class OffsetCarriers {

    private OffsetCarriers() {}

    static SourceRecord carrier(String topic, Map<String, Object> partition, Map<String, Object> offset) {
        String key = SegmentIds.uuid5(SegmentIds.NAMESPACE_URL, "vecsync-offset|" + partition)
                .toString();
        return new SourceRecord(partition, offset, topic, null, SegmentSchema.KEY, key, null, null);
    }
}
