/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.embedded.ConnectorConfigs;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real network faults between a Connect worker's sink and its store, while records keep arriving on two partitions.
 *
 * <p>A Toxiproxy ({@link FaultProxy}) stands in front of every port the sink reaches. Faults: the network half-open
 * (nothing passes, nothing closes), latency past the store's deadline, every connection reset, and the store hanging
 * up with a close that comes late. Each lasts a while and is then healed; the store must then hold exactly the topic's
 * truth (each id's latest value, tombstoned ids gone: no record lost), nothing may be in the dead-letter queue and the
 * tasks must be running. The sink must have noticed the fault (a write retried) within the store's deadline and
 * written what came meanwhile within {@link #RECOVERY} of its end, and Connect's own measures of its task thread
 * ({@code put-batch-max-time-ms}, {@code offset-commit-max-time-ms} and its consumer's {@code time-between-poll-max})
 * must stay within {@link #blockingBound()}. One line of figures is printed per fault.
 *
 * <p>Every store module reached over the network extends this once. Lucene, embedded in the worker, has no network to
 * break and has no such suite.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SinkFaultSuite {

    /** The faults every store gets. */
    protected enum Fault {
        BLACKHOLE,
        LATENCY,
        RESET,
        SLOW_CLOSE
    }

    protected static final Duration CONVERGE = Duration.ofSeconds(120);
    /** flush.timeout.ms: the longest Connect's task thread waits for the writes, kept short here. */
    protected static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(3);
    /** Room for a 2-core CI machine's scheduling and garbage collection on top of the configured waits. */
    private static final Duration MARGIN = Duration.ofSeconds(2);
    /**
     * How soon after a fault ends the records written meanwhile must be in the store: the waits the config allows (a
     * call's deadline, a retry's backoff, a commit's wait) add up to under 10 s; a client sitting out a reconnect
     * backoff of its own (gRPC's grows to 2 minutes) would miss it.
     */
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private static final int PARTITIONS = 2;
    private static final int RECORDS_PER_SECOND = 20;

    protected EmbeddedConnectCluster connect;
    private final List<FaultProxy> proxies = new ArrayList<>();

    /** The store's name in figures and connector names, e.g. {@code weaviate}. */
    protected abstract String store();

    /** Why the store cannot run here (its server not built), or null; the suite then skips, saying so. */
    protected String missing() {
        return null;
    }

    /** Every address the sink connects to, each to be put behind a fault proxy; starts the store if need be. */
    protected abstract List<InetSocketAddress> endpoints();

    /**
     * The connector class and the store's keys for a sink writing {@code target} through the proxies (in the order of
     * {@link #endpoints()}), with the store's deadline set to {@link #storeTimeout()}.
     */
    protected abstract Map<String, String> sinkConfig(String target, List<FaultProxy> proxies);

    /** The points in the store's target by id, read outside the sink and its proxies; none before it exists. */
    protected abstract Map<String, StoredPoint> stored(String target);

    /** The store's deadline for one call, which {@link #sinkConfig} sets: short, so that faults are noticed soon. */
    protected Duration storeTimeout() {
        return Duration.ofSeconds(2);
    }

    /** The store's target (table, collection, namespace) for a scenario, as the store's naming rules allow. */
    protected String target(String scenario) {
        return scenario + "-segments";
    }

    /** How long a fault lasts: short, so that the suite stays quick; a subclass may measure longer ones. */
    protected Duration outage(Fault fault) {
        return fault == Fault.RESET ? Duration.ofSeconds(5) : Duration.ofSeconds(6);
    }

    /** Lets go of the store the subclass started, if any. */
    protected void release() {}

    @BeforeAll
    void startProxiesAndCluster() {
        FaultProxy.assumeAvailable(store() + " faults");
        String missing = missing();
        if (missing != null) {
            System.out.println("[" + store() + " faults] skipped: " + missing);
        }
        Assumptions.assumeTrue(missing == null, missing);
        for (InetSocketAddress endpoint : endpoints()) {
            proxies.add(FaultProxy.start(
                    store() + "-faults-" + proxies.size(), endpoint.getHostString(), endpoint.getPort()));
        }
        connect = ConnectClusters.start(store() + "-faults", 1);
    }

    @AfterAll
    void stopClusterAndProxies() {
        if (connect != null) {
            connect.stop();
        }
        proxies.forEach(FaultProxy::close);
        release();
    }

    /** The network passes nothing and closes nothing: a sink without deadlines waits the whole outage out unaware. */
    @Test
    void aHalfOpenNetworkIsNoticedAndSurvived() throws Exception {
        survivesOnEveryProxy("blackhole", outage(Fault.BLACKHOLE), FaultProxy::blackhole);
    }

    /** Every round trip takes twice the store's deadline longer: each call must give up, and the late answers not confuse. */
    @Test
    void latencyPastTheDeadlineIsNoticedAndSurvived() throws Exception {
        survivesOnEveryProxy("latency", outage(Fault.LATENCY), proxy -> proxy.latency(storeTimeout()));
    }

    @Test
    void connectionsResetOverAndOverAreSurvived() throws Exception {
        survivesOnEveryProxy("reset", outage(Fault.RESET), FaultProxy::resetEveryConnection);
    }

    /** The store hangs up and the close comes only after the fault: the sink must not wait for it. */
    @Test
    void aCloseThatComesLateIsNoticedAndSurvived() throws Exception {
        Duration outage = outage(Fault.SLOW_CLOSE);
        survivesOnEveryProxy("slow-close", outage, proxy -> proxy.slowClose(outage));
    }

    /**
     * The longest Connect's task thread may be held between two polls of its consumer, whatever the fault and however
     * long it lasts: in one loop it commits offsets, waiting at most flush.timeout.ms for the writes and then making
     * them durable in at most one store call under the store's deadline, and calls put(), which waits at most
     * flush.timeout.ms for the writes under way and as long again for room in the queue before it hands the records
     * back. Connect times an offset commit until it sees the consumer's acknowledgement at the next poll, so that the
     * put() after it counts too. On top: a margin for a 2-core CI machine.
     */
    protected Duration blockingBound() {
        return FLUSH_TIMEOUT.multipliedBy(3).plus(storeTimeout()).plus(MARGIN);
    }

    /** A fault, injected: returns what ends it. */
    @FunctionalInterface
    protected interface Injection {
        Runnable begin() throws Exception;
    }

    private void survivesOnEveryProxy(String scenario, Duration outage, Consumer<FaultProxy> fault) throws Exception {
        survives(scenario, outage, () -> {
            proxies.forEach(fault);
            return () -> proxies.forEach(FaultProxy::heal);
        });
    }

    /**
     * Starts the sink, lets records flow, injects the fault, ends it after {@code outage}, prints the figures, and
     * checks what became of the records and how long the task thread was held.
     */
    protected void survives(String scenario, Duration outage, Injection fault) throws Exception {
        String target = target(scenario);
        String connector = connectorName(scenario);
        TaskThreadTimes times = new TaskThreadTimes(connector);
        Duration detected = null;
        Duration recovered;
        try (SegmentStream stream = startSink(scenario)) {
            double retriesBefore = retries(connector);
            long faultStart = System.nanoTime();
            Runnable end = fault.begin();
            try {
                while (System.nanoTime() - faultStart < outage.toNanos()) {
                    if (detected == null && retries(connector) > retriesBefore) {
                        detected = Duration.ofNanos(System.nanoTime() - faultStart);
                    }
                    times.sample();
                    Thread.sleep(100);
                }
            } finally {
                end.run();
            }
            long faultEnd = System.nanoTime();
            recovered = awaitMarkers(target, stream.markers(), faultEnd, times);
            Outcome outcome = converges(scenario, stream, times);
            System.out.printf(
                    "[%s faults] %s (%d s): detected after %s ms, recovered %d ms after the fault ended, %d ids,"
                            + " records lost %d, slowest put %d ms, slowest offset commit %d ms, longest between polls"
                            + " %d ms%n",
                    store(),
                    scenario,
                    outage.toSeconds(),
                    detected == null ? "-" : Long.toString(detected.toMillis()),
                    recovered.toMillis(),
                    outcome.ids(),
                    outcome.lost(),
                    times.slowestPutMs(),
                    times.slowestCommitMs(),
                    times.longestBetweenPollsMs());
            Duration noticed = detected;
            assertAll(
                    () -> outcome.assertWhole(),
                    () -> assertNotNull(noticed, "the sink noticed the fault (a write retried) while it lasted"),
                    () -> assertTrue(
                            noticed == null || noticed.compareTo(storeTimeout().plus(MARGIN)) <= 0,
                            "noticed after " + noticed + ", not within the store's deadline " + storeTimeout()),
                    () -> assertTrue(
                            recovered.compareTo(RECOVERY) <= 0,
                            "the records written during the fault came " + recovered + " after it ended"),
                    () -> assertTrue(
                            times.slowestPutMs() <= blockingBound().toMillis(),
                            "a put() held Connect's task thread " + times.slowestPutMs() + " ms, past "
                                    + blockingBound().toMillis() + " ms"),
                    () -> assertTrue(
                            times.slowestCommitMs() <= blockingBound().toMillis(),
                            "an offset commit held Connect's task thread " + times.slowestCommitMs() + " ms, past "
                                    + blockingBound().toMillis() + " ms"),
                    () -> assertTrue(
                            times.longestBetweenPollsMs() <= blockingBound().toMillis(),
                            "Connect's task thread went " + times.longestBetweenPollsMs() + " ms between polls, past "
                                    + blockingBound().toMillis() + " ms"));
        } finally {
            proxies.forEach(FaultProxy::heal);
        }
    }

    private String connectorName(String scenario) {
        return store() + "-" + scenario;
    }

    /** Creates the scenario's topics, starts its sink (2 tasks, errors tolerated into a dead-letter queue), starts records. */
    protected SegmentStream startSink(String scenario) {
        String connector = connectorName(scenario);
        String target = target(scenario);
        connect.kafka().createTopic(connector, PARTITIONS, 1, Map.of());
        connect.kafka().createTopic(connector + "-dlq", 1, 1, Map.of());
        Map<String, String> config = new LinkedHashMap<>(ConnectorConfigs.jsonConverters());
        config.put("tasks.max", Integer.toString(PARTITIONS));
        config.put("topics", connector);
        config.put("embedding.dimension", Integer.toString(SegmentStream.DIMENSION));
        config.put("retry.backoff.ms", "200");
        config.put("retry.backoff.max.ms", "2000");
        config.put("flush.timeout.ms", Long.toString(FLUSH_TIMEOUT.toMillis()));
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", connector + "-dlq");
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.putAll(sinkConfig(target, proxies));
        connect.configureConnector(connector, config);
        try {
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(connector, PARTITIONS, "sink tasks");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + connector, e);
        }
        SegmentStream stream = new SegmentStream(connect.kafka(), connector, PARTITIONS, RECORDS_PER_SECOND);
        // A task joining late would move partitions mid-fault and blur the figures (VectorSinkTaskTest covers it).
        Eventually.await(
                Duration.ofSeconds(60),
                "each task of " + connector + " consuming a partition of its own",
                () -> TaskThreadTimes.max(
                                        "kafka.connect:type=sink-task-metrics,connector=" + connector + ",*",
                                        "partition-count")
                                == 1
                        && JmxMetrics.sum(
                                        "kafka.connect:type=sink-task-metrics,connector=" + connector + ",*",
                                        "partition-count")
                                == PARTITIONS);
        Eventually.await(
                Duration.ofSeconds(60),
                "records flowing into " + target,
                () -> stored(target).size() >= 20);
        return stream;
    }

    /** Waits until the target holds the markers, i.e. everything produced before them; how long since {@code from}. */
    protected Duration awaitMarkers(String target, Set<String> markers, long from, TaskThreadTimes times) {
        Eventually.await(CONVERGE, "the markers in " + target, () -> {
            times.sample();
            return stored(target).keySet().containsAll(markers);
        });
        return Duration.ofNanos(System.nanoTime() - from);
    }

    /** Stops the records and waits for the target to equal the truth; deletes the connector; what became of it all. */
    protected Outcome converges(String scenario, SegmentStream stream, TaskThreadTimes times) throws Exception {
        Thread.sleep(2000);
        stream.close();
        Map<String, Long> truth = stream.truth();
        String target = target(scenario);
        String connector = connectorName(scenario);
        try {
            Eventually.await(
                    CONVERGE,
                    target + " to equal the topic",
                    () -> {
                        times.sample();
                        return sequences(target).equals(truth);
                    },
                    () -> differing(sequences(target), truth) + " ids differ");
        } catch (AssertionError notEqual) {
            // Reported as the records lost.
        }
        Map<String, Long> stored = sequences(target);
        long lost = differing(stored, truth);
        int dead = connect.kafka().consumeAll(5_000, connector + "-dlq").count();
        List<String> states = new ArrayList<>();
        connect.connectorStatus(connector)
                .tasks()
                .forEach(task -> states.add(task.state() + (task.trace() == null ? "" : ": " + task.trace())));
        connect.deleteConnector(connector);
        return new Outcome(truth.size(), lost, examples(stored, truth), dead, states);
    }

    /**
     * What a scenario left.
     *
     * @param ids    live ids in the truth
     * @param lost   ids whose stored value differs from the truth: missing, stale or tombstoned yet present
     * @param examples a few of them, with the sequence numbers stored and on the topic
     * @param dead   records in the dead-letter queue
     * @param states each task's state, with its trace if any
     */
    protected record Outcome(int ids, long lost, String examples, int dead, List<String> states) {

        /** Nothing lost, nothing in the dead-letter queue, every task running. */
        public void assertWhole() {
            assertAll(
                    () -> assertEquals(0, lost, "records lost, e.g. " + examples),
                    () -> assertEquals(0, dead, "records in the dead-letter queue"),
                    () -> states.forEach(state -> assertEquals("RUNNING", state)));
        }
    }

    /** Each stored id and the sequence number its vector carries. */
    private Map<String, Long> sequences(String target) {
        Map<String, Long> sequences = new HashMap<>();
        stored(target).forEach((id, point) -> sequences.put(id, SegmentStream.sequence(point.vector())));
        return sequences;
    }

    private static long differing(Map<String, Long> stored, Map<String, Long> truth) {
        Set<String> ids = new HashSet<>(stored.keySet());
        ids.addAll(truth.keySet());
        return ids.stream()
                .filter(id -> !Objects.equals(stored.get(id), truth.get(id)))
                .count();
    }

    /** Up to 5 ids that differ, each with the sequence number stored and the topic's (null: none). */
    private static String examples(Map<String, Long> stored, Map<String, Long> truth) {
        Set<String> ids = new HashSet<>(stored.keySet());
        ids.addAll(truth.keySet());
        return ids.stream()
                .filter(id -> !Objects.equals(stored.get(id), truth.get(id)))
                .limit(5)
                .map(id -> id + ": stored " + stored.get(id) + ", topic " + truth.get(id))
                .toList()
                .toString();
    }

    private static double retries(String connector) {
        return JmxMetrics.sum("kafka.connect:type=plugins,connector=" + connector + ",*", "write-retries-total");
    }

    /**
     * The longest put() (Connect times only those that return), offset commit and time between two polls of a
     * connector's tasks, by Connect's and its consumers' own metrics; these are maxima over a sliding window, so they
     * are sampled often and the largest seen kept.
     */
    protected static final class TaskThreadTimes {

        private final String connector;
        private double slowestPut;
        private double slowestCommit;
        private double longestBetweenPolls;

        public TaskThreadTimes(String connector) {
            this.connector = connector;
        }

        public void sample() {
            slowestPut = Math.max(
                    slowestPut,
                    max("kafka.connect:type=sink-task-metrics,connector=" + connector + ",*", "put-batch-max-time-ms"));
            slowestCommit = Math.max(
                    slowestCommit,
                    max(
                            "kafka.connect:type=connector-task-metrics,connector=" + connector + ",*",
                            "offset-commit-max-time-ms"));
            longestBetweenPolls = Math.max(
                    longestBetweenPolls,
                    max(
                            "kafka.consumer:type=consumer-metrics,client-id=connector-consumer-" + connector + "-*",
                            "time-between-poll-max"));
        }

        public long slowestPutMs() {
            return Math.round(slowestPut);
        }

        public long slowestCommitMs() {
            return Math.round(slowestCommit);
        }

        public long longestBetweenPollsMs() {
            return Math.round(longestBetweenPolls);
        }

        /** The largest value of the attribute over the matching MBeans; NaN (no sample yet) counts as 0. */
        static double max(String pattern, String attribute) {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            double max = 0;
            try {
                for (ObjectName name : server.queryNames(new ObjectName(pattern), null)) {
                    if (server.getAttribute(name, attribute) instanceof Number value
                            && !Double.isNaN(value.doubleValue())) {
                        max = Math.max(max, value.doubleValue());
                    }
                }
            } catch (javax.management.InstanceNotFoundException gone) {
                // The connector was deleted meanwhile.
            } catch (Exception e) {
                throw new AssertionError("could not read JMX " + pattern + " " + attribute, e);
            }
            return max;
        }
    }
}
