/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import io.vecsync.embedded.EmbeddedKafka;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The topics of segment records, keyed by segment id, that the sink benchmarks fill before a sink reads them: the same
 * shape for every sink, so that their rates compare.
 */
public final class SegmentTopic {

    public static final int PARTITIONS = 2;
    /** Records a sink's poll takes (max.poll.records), and the records of each put() where a benchmark calls it itself. */
    public static final int POLL_RECORDS = 1000;

    private SegmentTopic() {}

    /** Creates the topic and writes the rows to it. */
    public static void fill(EmbeddedKafka kafka, String topic, List<SegmentRow> rows) {
        create(kafka, topic, Map.of());
        append(kafka, topic, rows);
    }

    /** Creates the topic with its {@link #PARTITIONS} and the configs. */
    public static void create(EmbeddedKafka kafka, String topic, Map<String, String> configs) {
        try (BenchTopics topics = new BenchTopics(kafka)) {
            topics.create(topic, PARTITIONS, configs);
        }
    }

    /** Appends the rows to an existing topic. */
    @SuppressWarnings("FutureReturnValueIgnored") // each send's callback records its failure
    public static void append(EmbeddedKafka kafka, String topic, List<SegmentRow> rows) {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (SegmentRow row : rows) {
                producer.send(
                        new ProducerRecord<>(topic, row.id().toString(), SegmentJson.encode(row)),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("could not fill topic " + topic, failure.get());
        }
    }
}
