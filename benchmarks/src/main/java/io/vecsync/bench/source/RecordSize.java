/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import io.vecsync.bench.common.TopicRecords;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The average key and value bytes of a topic's records, as a consumer receives them (Kafka's framing excluded). */
record RecordSize(double keyBytes, double valueBytes, int liveKeys) {

    /** Reads the topic, its keys folded as log compaction would: a live key is one whose last value is not null. */
    static RecordSize read(String bootstrapServers, String topic) {
        Fold fold = new Fold();
        TopicRecords.readAll(bootstrapServers, topic, fold);
        int live = fold.liveKeys.size();
        long keyBytes = fold.liveKeys.stream().mapToLong(ByteBuffer::remaining).sum();
        return new RecordSize(
                live == 0 ? 0 : (double) keyBytes / live,
                fold.values == 0 ? 0 : (double) fold.valueBytes / fold.values,
                live);
    }

    double total() {
        return keyBytes + valueBytes;
    }

    /** The records read so far. */
    private static final class Fold implements Consumer<ConsumerRecord<byte[], byte[]>> {

        private final Set<ByteBuffer> liveKeys = new HashSet<>();
        private long values;
        private long valueBytes;

        @Override
        public void accept(ConsumerRecord<byte[], byte[]> record) {
            ByteBuffer key = ByteBuffer.wrap(record.key());
            if (record.value() == null) {
                liveKeys.remove(key);
            } else {
                liveKeys.add(key);
                values++;
                valueBytes += record.value().length;
            }
        }
    }
}
