/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A real connector run through the worker's REST API: its status, pause, resume, restart, delete, and refusals. */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedConnectTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RUNNING = "RUNNING";

    private EmbeddedKafka kafka;
    private EmbeddedConnect connect;

    @BeforeAll
    void start() {
        kafka = EmbeddedKafka.start(Map.of());
        connect = EmbeddedConnect.start(kafka, Map.of());
    }

    @AfterAll
    void stop() {
        if (connect != null) {
            connect.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void runsAConnectorAndPausesResumesRestartsAndDeletesIt() throws Exception {
        assertSame(kafka, connect.kafka());
        assertEquals("/", connect.restUrl().getPath());
        assertEquals("127.0.0.1", connect.restUrl().getHost());
        kafka.createTopic("ticks", 1, Map.of());

        connect.configureConnector("ticks", tickConfig("ticks", false));
        ConnectorStatus running =
                awaitStatus("ticks", status -> RUNNING.equals(status.state()) && tasksAre(status, RUNNING));
        assertEquals("ticks", running.name());
        assertNull(running.trace());
        assertEquals(0, running.tasks().get(0).id());
        assertTrue(readTicks("ticks", 3).stream().allMatch(value -> value.startsWith("tick-")));

        connect.pauseConnector("ticks");
        awaitStatus("ticks", status -> "PAUSED".equals(status.state()) && tasksAre(status, "PAUSED"));
        connect.resumeConnector("ticks");
        awaitStatus("ticks", status -> RUNNING.equals(status.state()) && tasksAre(status, RUNNING));
        connect.restartConnectorAndTasks("ticks");
        awaitStatus("ticks", status -> RUNNING.equals(status.state()) && tasksAre(status, RUNNING));

        connect.deleteConnector("ticks");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                connect.connectorStatus("ticks");
            } catch (ConnectRequestException gone) {
                assertEquals(404, gone.status(), gone.getMessage());
                break;
            }
            if (System.nanoTime() > deadline) {
                fail("connector ticks is still there " + WAIT + " after it was deleted");
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aFailedTaskReportsItsTrace() throws Exception {
        kafka.createTopic("failing-ticks", 1, Map.of());
        connect.configureConnector("failing", tickConfig("failing-ticks", true));

        ConnectorStatus failed = awaitStatus("failing", status -> tasksAre(status, "FAILED"));
        assertEquals(RUNNING, failed.state());
        assertTrue(
                failed.tasks().get(0).trace().contains(TickSourceConnector.FAILURE),
                failed.tasks().get(0).trace());
        connect.deleteConnector("failing");
    }

    @Test
    void aConfigTheWorkerRefusesIsA400WithTheWorkersMessage() {
        Map<String, String> noTopic = Map.of("connector.class", TickSourceConnector.class.getName(), "tasks.max", "1");

        ConnectRequestException refused =
                assertThrows(ConnectRequestException.class, () -> connect.configureConnector("refused", noTopic));

        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().startsWith("Connector configuration is invalid"), refused.getMessage());
        assertTrue(
                refused.getMessage().contains("Missing required configuration \"topic\" which has no default value."),
                refused.getMessage());
        assertEquals(
                404,
                assertThrows(ConnectRequestException.class, () -> connect.connectorStatus("refused"))
                        .status());
    }

    private static Map<String, String> tickConfig(String topic, boolean fail) {
        return Map.of(
                "connector.class",
                TickSourceConnector.class.getName(),
                "tasks.max",
                "1",
                TickSourceConnector.TOPIC,
                topic,
                TickSourceConnector.FAIL,
                Boolean.toString(fail));
    }

    private static boolean tasksAre(ConnectorStatus status, String state) {
        return !status.tasks().isEmpty() && status.tasks().stream().allMatch(task -> state.equals(task.state()));
    }

    /** The connector's status once it matches; 404s while the worker has not started it yet. */
    private ConnectorStatus awaitStatus(String name, Predicate<ConnectorStatus> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ConnectorStatus last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = connect.connectorStatus(name);
                if (wanted.test(last)) {
                    return last;
                }
            } catch (ConnectRequestException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
            Thread.sleep(100);
        }
        return fail("connector " + name + " is not as wanted after " + WAIT + ": " + last);
    }

    private List<String> readTicks(String topic, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        assertTrue(values.size() >= count, "only " + values + " on " + topic);
        return values;
    }
}
