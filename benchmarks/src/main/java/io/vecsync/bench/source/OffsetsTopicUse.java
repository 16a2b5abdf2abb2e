/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import io.vecsync.bench.common.TopicRecords;
import io.vecsync.embedded.EmbeddedConnect;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What one connector wrote to the workers' offsets topic: its largest record value and its records' bytes in all. */
record OffsetsTopicUse(int largestValueBytes, long totalBytes, long records) {

    /** Reads the whole offsets topic, keeping the records whose key names the connector ({@code ["name",{...}]}). */
    static OffsetsTopicUse read(String bootstrapServers, String connector) {
        Tally tally = new Tally(("[\"" + connector + "\",").getBytes(StandardCharsets.UTF_8));
        TopicRecords.readAll(bootstrapServers, EmbeddedConnect.OFFSETS_TOPIC, tally);
        return new OffsetsTopicUse(tally.largest, tally.total, tally.records);
    }

    /** The connector's records seen so far. */
    private static final class Tally implements Consumer<ConsumerRecord<byte[], byte[]>> {

        private final byte[] keyPrefix;
        private int largest;
        private long total;
        private long records;

        Tally(byte[] keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        @Override
        public void accept(ConsumerRecord<byte[], byte[]> record) {
            byte[] key = record.key();
            if (key != null
                    && key.length >= keyPrefix.length
                    && Arrays.equals(key, 0, keyPrefix.length, keyPrefix, 0, keyPrefix.length)) {
                int value = record.value() == null ? 0 : record.value().length;
                largest = Math.max(largest, value);
                total += key.length + value;
                records++;
            }
        }
    }
}
