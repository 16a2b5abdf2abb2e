/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One in-process Kafka broker in KRaft combined mode on loopback ports of its own; its data in a temp dir removed on close. */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Each admin call's deadline. */
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    /** The ports are chosen free, then bound: another process may take one in between, and then other ports are tried. */
    private static final int START_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final Path dataDirectory;
    private final String bootstrapServers;
    private final Admin admin;

    private EmbeddedKafka(KafkaRaftServer server, Path dataDirectory, String bootstrapServers) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.bootstrapServers = bootstrapServers;
        this.admin = createAdmin();
    }

    /**
     * Formats a temp dir and starts the broker, returning once it serves clients.
     *
     * @param brokerOverrides broker configs that win over the defaults here (e.g. {@code log.retention.ms}); may be empty
     */
    public static EmbeddedKafka start(Map<String, String> brokerOverrides) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnFreePorts(brokerOverrides);
            } catch (RuntimeException e) {
                if (attempt == START_ATTEMPTS || !portTaken(e)) {
                    throw e;
                }
                log.info("a port of the embedded broker was taken before it bound it; trying others", e);
            }
        }
    }

    private static EmbeddedKafka startOnFreePorts(Map<String, String> brokerOverrides) {
        Path dataDirectory = createTempDirectory();
        try {
            int[] ports = freePorts();
            String bootstrapServers = HOST + ":" + ports[0];
            Path logs = dataDirectory.resolve("logs");
            KafkaConfig config = new KafkaConfig(brokerConfig(logs, ports[0], ports[1], brokerOverrides), false);
            format(logs);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                try {
                    stop(server);
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
            return new EmbeddedKafka(server, dataDirectory, bootstrapServers);
        } catch (RuntimeException e) {
            delete(dataDirectory);
            throw e;
        }
    }

    /** One combined broker and controller on loopback; internal topics and transactions that work with one broker. */
    private static Properties brokerConfig(
            Path logs, int brokerPort, int controllerPort, Map<String, String> overrides) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        config.put(
                "listeners",
                "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                        + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logs.toString());
        // Internal topics at replication factor 1, or they are never created on one broker; one partition each is
        // plenty here and quick to create.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // A group's first members join at once rather than after the default 3 s wait for more of them.
        config.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner (compacted topics) would allocate 128 MB up front.
        config.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        config.putAll(overrides);
        return config;
    }

    /** What kafka-storage.sh format does; its lines (the bootstrap metadata) go to the log, not to System.out. */
    private static void format(Path logs) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(printed, true, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logs.toString())
                    .addDirectory(logs.toString())
                    .run();
        } catch (Exception e) {
            throw new KafkaException("formatting the embedded broker's storage failed", e);
        } finally {
            printed.toString(StandardCharsets.UTF_8).lines().forEach(log::info);
        }
    }

    /** Two distinct free loopback ports: the broker's and the controller's. */
    private static int[] freePorts() {
        try (ServerSocket broker = new ServerSocket(0, 0, InetAddress.getByName(HOST));
                ServerSocket controller = new ServerSocket(0, 0, InetAddress.getByName(HOST))) {
            return new int[] {broker.getLocalPort(), controller.getLocalPort()};
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static boolean portTaken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A new admin client of this broker; the caller closes it. */
    public Admin createAdmin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Creates the topic at replication factor 1 and returns once the broker serves every partition of it. */
    public void createTopic(String topic, int partitions, Map<String, String> topicConfig) {
        await(
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(topicConfig)))
                        .all(),
                "creating topic " + topic);
        // The controller has committed the topic; the broker serves it once it has applied that metadata too.
        awaitBroker(() -> hasLeaders(topic), "topic " + topic + " has no leader");
    }

    /** Waits until the broker has applied the controller's metadata, which trails the admin call's answer. */
    private static void awaitBroker(BooleanSupplier applied, String otherwise) {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (!applied.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(otherwise + " after " + ADMIN_TIMEOUT.toSeconds() + " s");
            }
            sleep(Duration.ofMillis(20));
        }
    }

    private boolean hasLeaders(String topic) {
        try {
            TopicDescription description = await(
                    admin.describeTopics(List.of(topic)).topicNameValues().get(topic), "describing topic " + topic);
            return description.partitions().stream()
                    .map(TopicPartitionInfo::leader)
                    .allMatch(leader -> leader != null && !leader.isEmpty());
        } catch (UnknownTopicOrPartitionException notYet) {
            return false;
        }
    }

    /** Deletes the topic, returning once the broker no longer lists it. */
    public void deleteTopic(String topic) {
        await(admin.deleteTopics(List.of(topic)).all(), "deleting topic " + topic);
        awaitBroker(
                () -> !await(admin.listTopics().names(), "listing topics").contains(topic),
                "topic " + topic + " is still listed");
    }

    /** The directory holding the broker's data, removed by close. */
    Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the broker, waits until it has, and removes its data. */
    @Override
    public void close() {
        admin.close(ADMIN_TIMEOUT);
        stop(server);
        delete(dataDirectory);
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /** The future's value within the admin deadline; its failure as Kafka's own (unchecked) exception. */
    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TimeoutException(what + " took over " + ADMIN_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka
                    ? kafka
                    : new KafkaException(what + " failed", e.getCause());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("vecsync-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the embedded broker's data in " + directory, e);
        }
    }
}
