package io.vecsync.source;

import io.vecsync.core.SegmentSchema;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import java.util.Map;

/** A record of a poll before its offset is known; a null value is a tombstone. */
record PendingRecord(int shard, String topic, String segmentId, Schema valueSchema, Struct value) {

    SourceRecord toSourceRecord(Map<String, Object> partition, Map<String, Object> offset) {
        return new SourceRecord(partition, offset, topic, null, SegmentSchema.KEY, segmentId,
                value == null ? null : valueSchema, value);
    }
}
