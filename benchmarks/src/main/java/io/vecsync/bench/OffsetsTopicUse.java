package io.vecsync.bench;

import io.vecsync.testing.ConnectClusters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What one connector wrote to the workers' offsets topic: its largest record value and its records' bytes in all. */
record OffsetsTopicUse(int largestValueBytes, long totalBytes, long records) {

    /** Reads the whole offsets topic, keeping the records whose key names the connector ({@code ["name",{...}]}). */
    static OffsetsTopicUse read(String bootstrapServers, String connector) {
        byte[] prefix = ("[\"" + connector + "\",").getBytes(StandardCharsets.UTF_8);
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(ConnectClusters.OFFSETS_TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            int largest = 0;
            long total = 0;
            long records = 0;
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.key() != null && startsWith(record.key(), prefix)) {
                        int value = record.value() == null ? 0 : record.value().length;
                        largest = Math.max(largest, value);
                        total += record.key().length + value;
                        records++;
                    }
                }
            }
            return new OffsetsTopicUse(largest, total, records);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
