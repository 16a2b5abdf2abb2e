/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.connect.util.clusters.EmbeddedKafkaCluster;

/**
 * Everything on a topic folded by key as log compaction would: the live keys are those whose last value is not null.
 *
 * @param live       last non-null value per live key
 * @param records    records read, tombstones included
 * @param tombstones tombstones read
 * @param valueBytes bytes of all non-null values
 * @param tombstoned keys whose last record is a tombstone
 */
public record TopicContents(
        Map<String, byte[]> live, int records, int tombstones, long valueBytes, Set<String> tombstoned) {

    /** Reads the topic up to its current end. */
    public static TopicContents read(EmbeddedKafkaCluster kafka, String topic) {
        ConsumerRecords<byte[], byte[]> all;
        try {
            all = kafka.consumeAll(60_000, topic);
        } catch (Exception e) {
            throw new AssertionError("could not read topic " + topic, e);
        }
        Map<String, byte[]> live = new HashMap<>();
        Set<String> tombstoned = new HashSet<>();
        int records = 0;
        int tombstones = 0;
        long bytes = 0;
        for (ConsumerRecord<byte[], byte[]> record : all) {
            records++;
            String key = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                tombstones++;
                live.remove(key);
                tombstoned.add(key);
            } else {
                bytes += record.value().length;
                live.put(key, record.value());
                tombstoned.remove(key);
            }
        }
        return new TopicContents(
                Collections.unmodifiableMap(live), records, tombstones, bytes, Collections.unmodifiableSet(tombstoned));
    }
}
