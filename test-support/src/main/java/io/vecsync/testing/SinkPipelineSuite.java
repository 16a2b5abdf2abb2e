/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.SegmentIds;
import io.vecsync.embedded.ConnectorConfigs;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.VectorSearcher;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Source, Kafka and a store's sink in one real Connect cluster against the platform simulator: every store module
 * extends this once. The store must end equal to the platform after the initial sync, a re-processing and a
 * deletion, and its searcher must find the segment a caption describes.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SinkPipelineSuite {

    protected static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** The source connector, named rather than imported: the source module's tests depend on this one. */
    protected EmbeddedConnectCluster connect;

    /** The sink's connector class and store keys, and its converters if not the JSON converter; topics are added here. */
    protected abstract Map<String, String> sinkConfig();

    /** The ids of every point in the store's target. */
    protected abstract Set<String> storedIds();

    /** The store's searcher, opened with the sink's config. */
    protected abstract VectorSearcher openSearcher(Map<String, String> sinkConfig);

    /** Store-specific checks on the synced store, e.g. the platform docs' own query; nothing by default. */
    protected void afterInitialSync(PlatformSimulator simulator) throws Exception {}

    @BeforeAll
    void startCluster() {
        connect = ConnectClusters.start(getClass().getSimpleName().toLowerCase(Locale.ROOT), 1);
    }

    @AfterAll
    void stopCluster() {
        connect.stop();
    }

    /** A worker asked to run the sink on the consumer group protocol refuses it, naming the key, rather than fail later. */
    @Test
    void aWorkerRefusesTheSinkOnTheConsumerGroupProtocolNamingTheOverride() {
        String override = "consumer.override.group.protocol";
        Map<String, String> sink = new LinkedHashMap<>(sinkConfig());
        sink.put("name", "group-protocol-sink");
        sink.put("topics", "group-protocol");
        sink.put(override, "consumer");
        ConfigInfos validated = connect.validateConnectorConfig(sink.get("connector.class"), sink);
        List<String> errors = validated.configs().stream()
                .filter(info -> info.configValue().name().equals(override))
                .flatMap(info -> info.configValue().errors().stream())
                .distinct()
                .toList();
        assertTrue(
                errors.stream().anyMatch(error -> error.contains("leave " + override + " unset")), errors.toString());
        assertEquals(errors.size(), validated.errorCount(), () -> "only the override is refused: " + validated);
    }

    /** The segment ids a correct sync of the simulator holds. */
    public static Set<String> truth(PlatformSimulator simulator) {
        return simulator.liveSegments().stream()
                .map(s -> SegmentIds.documented(s.videoId(), s.start(), s.end()).toString())
                .collect(Collectors.toSet());
    }

    @Test
    void theStoreFollowsThePlatformThroughSyncReprocessingAndDeletion() throws Exception {
        String topic = "pipeline-segments";
        connect.kafka().createTopic(topic, 2, 1, Map.of("cleanup.policy", "compact"));
        Map<String, String> sink = new LinkedHashMap<>(ConnectorConfigs.jsonConverters());
        sink.put("tasks.max", "2");
        sink.put("topics", topic);
        sink.putAll(sinkConfig());
        try (PlatformSimulator simulator =
                PlatformSimulator.builder().seed(31).videos(10).build().start()) {
            connect.configureConnector(
                    "pipeline-source", ConnectorConfigs.platformSource(simulator.baseUrl(), simulator.apiKey(), topic));
            connect.configureConnector("pipeline-sink", sink);
            Eventually.await(
                    TIMEOUT,
                    "the store to equal the platform after the initial sync",
                    () -> storedIds().equals(truth(simulator)),
                    () -> storedIds().size() + " points of " + truth(simulator).size());
            assertTheSearcherFindsTheSegmentACaptionDescribes(simulator, sink);
            afterInitialSync(simulator);

            List<String> videos = simulator.videoIds();
            // The documented contract shows re-processing only as the video leaving the done listing: the source
            // must walk while it is away to see it.
            simulator.startReprocessing(videos.get(0));
            SourceWalks.await(connect, "pipeline-source", 2, TIMEOUT);
            simulator.finishReprocessing(videos.get(0));
            simulator.delete(videos.get(1));
            Eventually.await(
                    TIMEOUT,
                    "the store to equal the platform after a re-processing and a deletion",
                    () -> storedIds().equals(truth(simulator)),
                    () -> storedIds().size() + " points of " + truth(simulator).size());
            connect.deleteConnector("pipeline-source");
            connect.deleteConnector("pipeline-sink");
        }
    }

    /** The platform docs' search: the text embedding of a segment's caption finds that segment first. */
    private void assertTheSearcherFindsTheSegmentACaptionDescribes(
            PlatformSimulator simulator, Map<String, String> sink) {
        Segment target = simulator.liveSegments().get(7);
        try (VectorSearcher searcher = openSearcher(sink)) {
            List<SearchHit> hits =
                    searcher.search(new SearchRequest(simulator.textEmbedding(target.caption()), 5, List.of(), null));
            assertEquals(5, hits.size());
            SearchHit best = hits.get(0);
            assertEquals(
                    SegmentIds.documented(target.videoId(), target.start(), target.end())
                            .toString(),
                    best.segmentId());
            assertEquals(target.videoId(), best.payload().get("video_id").toString());
            assertEquals(target.start(), best.payload().get("start").toString());
            assertEquals(target.end(), best.payload().get("end").toString());
            assertTrue(best.score() > 0.5 && best.score() <= 1.0001, "cosine similarity " + best.score());
        }
    }
}
