package io.vecsync.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Fills a topic with segment records keyed by segment id, before a sink reads them. */
final class SegmentTopic {

    private SegmentTopic() {
    }

    static void fill(EmbeddedConnectCluster connect, String topic, int partitions, List<SegmentRow> rows) {
        try (BenchTopics topics = new BenchTopics(connect)) {
            topics.create(topic, partitions, Map.of());
        }
        append(connect, topic, rows);
    }

    /** Appends the rows to an existing topic. */
    static void append(EmbeddedConnectCluster connect, String topic, List<SegmentRow> rows) {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (SegmentRow row : rows) {
                producer.send(new ProducerRecord<>(topic, row.id().toString(), SegmentJson.encode(row)), (metadata, error) -> {
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
