/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.embedded.ConnectorConfigs;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.SourceWalks;
import io.vecsync.testing.TopicContents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/** One source connector on a test cluster against one simulator, with the checks every scenario makes. */
final class SourceHarness {

    static final Duration SYNC_TIMEOUT = Duration.ofSeconds(90);

    final EmbeddedConnectCluster connect;
    final PlatformSimulator simulator;
    final String name;
    final String topic;

    SourceHarness(EmbeddedConnectCluster connect, PlatformSimulator simulator, String name) {
        this.connect = connect;
        this.simulator = simulator;
        this.name = name;
        this.topic = "segments-" + name;
        // The platform promises only its documented fields; the source must work from those alone.
        simulator.documentedFieldsOnly(true);
        connect.kafka().createTopic(topic, 3, 1, Map.of("cleanup.policy", "compact"));
    }

    Map<String, String> config(int tasks) {
        Map<String, String> config =
                new LinkedHashMap<>(ConnectorConfigs.platformSource(simulator.baseUrl(), simulator.apiKey(), topic));
        // The harness reads float arrays, the connector's default encoding.
        config.remove(PlatformSourceConfig.VECTOR_ENCODING);
        config.put("tasks.max", Integer.toString(tasks));
        config.put(PlatformSourceConfig.LIST_PAGE_SIZE, "7");
        config.put(PlatformSourceConfig.RETRY_BACKOFF_MS, "20");
        config.put(PlatformSourceConfig.RETRY_BACKOFF_MAX_MS, "200");
        return config;
    }

    void start(Map<String, String> config) throws InterruptedException {
        connect.configureConnector(name, config);
        int tasks = Integer.parseInt(config.get("tasks.max"));
        connect.assertions()
                .assertConnectorAndExactlyNumTasksAreRunning(
                        name, Math.min(tasks, Shards.COUNT), "connector did not start");
    }

    /** The segment ids a correct sync holds: every segment of every done video, under the auto scheme. */
    Set<String> expectedIds() {
        return idsOf(simulator.liveSegments());
    }

    /** Every segment id of every existing video, done or not: what a retraction must not touch. */
    Set<String> librarySegmentIds() {
        return idsOf(simulator.videoIds().stream()
                .flatMap(video -> simulator.segments(video).stream())
                .toList());
    }

    /** The ids of the segments under the auto scheme, which looks at each video's segments together. */
    private static Set<String> idsOf(List<Segment> segments) {
        Map<String, List<SegmentKey>> byVideo = new LinkedHashMap<>();
        for (Segment segment : segments) {
            byVideo.computeIfAbsent(segment.videoId(), v -> new ArrayList<>())
                    .add(new SegmentKey(segment.start(), segment.end(), segment.option()));
        }
        Set<String> ids = new HashSet<>();
        byVideo.forEach((video, keys) -> ids.addAll(SegmentIdScheme.AUTO.ids(video, keys)));
        return ids;
    }

    TopicContents topic() {
        return TopicContents.read(connect.kafka(), topic);
    }

    /** Waits until the live keys on the topic are exactly the simulator's truth. */
    TopicContents awaitTruth(String what) {
        TopicContents[] last = new TopicContents[1];
        Eventually.await(
                SYNC_TIMEOUT,
                what,
                () -> {
                    last[0] = topic();
                    return last[0].live().keySet().equals(expectedIds());
                },
                () -> difference(last[0]));
        return last[0];
    }

    /** Waits until every task has reconciled against {@code walks} more complete listings; see {@link SourceWalks}. */
    void awaitReconciliations(int walks) {
        SourceWalks.await(connect, name, walks, SYNC_TIMEOUT);
    }

    private String difference(TopicContents contents) {
        if (contents == null) {
            return "nothing read";
        }
        Set<String> expected = expectedIds();
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(contents.live().keySet());
        Set<String> extra = new TreeSet<>(contents.live().keySet());
        extra.removeAll(expected);
        return expected.size() + " expected, " + contents.live().size() + " live; missing " + abbreviate(missing)
                + ", extra " + abbreviate(extra);
    }

    private static String abbreviate(Set<String> ids) {
        return ids.size()
                + (ids.isEmpty() ? "" : " e.g. " + ids.stream().limit(3).collect(Collectors.joining(", ")));
    }

    /** Embeddings calls per video, to prove none was fetched twice. */
    Map<String, Integer> callsPerVideo() {
        Map<String, Integer> calls = new HashMap<>();
        simulator.videoIds().forEach(id -> calls.put(id, simulator.embeddingsCalls(id)));
        return calls;
    }
}
