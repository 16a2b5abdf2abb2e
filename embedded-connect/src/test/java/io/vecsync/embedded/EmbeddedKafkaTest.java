/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A broker and a worker started with overrides, and what closing them leaves behind: nothing. */
@Tag("slow")
class EmbeddedKafkaTest {

    /**
     * The threads of what serves every broker and worker of the JVM and lives as long as it: the HTTP client the workers
     * share, and the tick of Kafka's (Yammer) metrics registry.
     */
    private static final List<String> JVM_WIDE = List.of("HttpClient-", "metrics-meter-tick-thread-");

    private static final Duration STOP = Duration.ofSeconds(10);

    @Test
    void overridesWinAndCloseLeavesNoThreadAndNoData() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Path data;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Map.of("log.retention.ms", "123456"))) {
            data = kafka.dataDirectory();
            assertTrue(Files.isDirectory(data));
            try (EmbeddedConnect connect = EmbeddedConnect.start(kafka, Map.of("group.id", "overridden"));
                    Admin admin = kafka.createAdmin()) {
                assertSame(kafka, connect.kafka());
                ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
                Config config = admin.describeConfigs(List.of(broker))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .get(broker);
                assertEquals("123456", config.get("log.retention.ms").value());
                // The worker's internal topics are named after the group it was given.
                assertTrue(admin.listTopics()
                        .names()
                        .get(30, TimeUnit.SECONDS)
                        .containsAll(
                                List.of(EmbeddedConnect.OFFSETS_TOPIC, "overridden-configs", "overridden-status")));

                kafka.createTopic("three", 3, Map.of("cleanup.policy", "compact"));
                TopicDescription three = admin.describeTopics(List.of("three"))
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS)
                        .get("three");
                assertEquals(3, three.partitions().size());
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "three");
                assertEquals(
                        "compact",
                        admin.describeConfigs(List.of(topic))
                                .all()
                                .get(30, TimeUnit.SECONDS)
                                .get(topic)
                                .get("cleanup.policy")
                                .value());
                kafka.deleteTopic("three");
                ExecutionException gone = assertThrows(
                        ExecutionException.class,
                        () -> admin.describeTopics(List.of("three"))
                                .allTopicNames()
                                .get(30, TimeUnit.SECONDS));
                assertInstanceOf(UnknownTopicOrPartitionException.class, gone.getCause());
            }
        }
        assertFalse(Files.exists(data), data + " is left");
        assertEquals(Set.of(), threadsLeft(before));
    }

    /** The threads started since {@code before} that still run once they had a moment to end. */
    private static Set<String> threadsLeft(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + STOP.toNanos();
        Set<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.isAlive()
                            && !before.contains(thread)
                            && JVM_WIDE.stream().noneMatch(thread.getName()::startsWith))
                    .map(Thread::getName)
                    .collect(Collectors.toSet());
            Thread.sleep(100);
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        return left;
    }
}
