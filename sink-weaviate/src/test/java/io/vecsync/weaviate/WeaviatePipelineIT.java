package io.vecsync.weaviate;

import io.vecsync.core.SegmentIds;
import io.vecsync.core.search.SearchHit;
import io.vecsync.core.search.SearchRequest;
import io.vecsync.core.search.VectorSearcher;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import io.vecsync.source.PlatformSourceConfig;
import io.vecsync.source.PlatformSourceConnector;
import io.vecsync.testing.ConnectClusters;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.weaviate.FakeWeaviate;
import io.vecsync.testing.weaviate.StoredObject;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Source, Kafka and the Weaviate sink in one real Connect cluster, writing to the fake Weaviate through the official client. */
@Tag("slow")
class WeaviatePipelineIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String COLLECTION = "VideoSegment";
    private static EmbeddedConnectCluster connect;
    private static FakeWeaviate weaviate;

    @BeforeAll
    static void startCluster() {
        weaviate = FakeWeaviate.start();
        connect = ConnectClusters.start("weaviate-it", 1);
    }

    @AfterAll
    static void stopCluster() {
        connect.stop();
        weaviate.close();
    }

    private static Map<String, String> sinkConfig(String topic) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", WeaviateSinkConnector.class.getName());
        config.put("tasks.max", "2");
        config.put("topics", topic);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put(WeaviateSinkConfig.HOST, weaviate.host());
        config.put(WeaviateSinkConfig.HTTP_PORT, Integer.toString(weaviate.httpPort()));
        config.put(WeaviateSinkConfig.GRPC_PORT, Integer.toString(weaviate.grpcPort()));
        config.put(WeaviateSinkConfig.COLLECTION, COLLECTION);
        return config;
    }

    private static Set<String> objectIds() {
        return weaviate.objects(COLLECTION).keySet();
    }

    @Test
    void theCollectionFollowsThePlatformThroughSyncReprocessingAndDeletion() {
        String topic = "pipeline-segments";
        connect.kafka().createTopic(topic, 2, 1, Map.of("cleanup.policy", "compact"));
        try (PlatformSimulator simulator = PlatformSimulator.builder().seed(37).videos(8).build().start()) {
            Map<String, String> source = new LinkedHashMap<>();
            source.put("connector.class", PlatformSourceConnector.class.getName());
            source.put("tasks.max", "1");
            source.put(PlatformSourceConfig.BASE_URL, simulator.baseUrl());
            source.put(PlatformSourceConfig.API_KEY, simulator.apiKey());
            source.put(PlatformSourceConfig.TOPIC, topic);
            source.put(PlatformSourceConfig.POLL_INTERVAL_MS, "300");
            source.put(PlatformSourceConfig.VECTOR_ENCODING, "float32_le");
            source.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            source.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            source.put("value.converter.schemas.enable", "false");
            connect.configureConnector("pipeline-source", source);
            connect.configureConnector("pipeline-sink", sinkConfig(topic));

            Eventually.await(TIMEOUT, "the collection to equal the platform after the initial sync",
                    () -> objectIds().equals(truth(simulator)), () -> objectIds().size() + " objects of " + truth(simulator).size());
            assertStoredAsThePlatformSaysAndFoundBySearch(simulator);

            List<String> videos = simulator.videoIds();
            simulator.reprocess(videos.get(0));
            simulator.delete(videos.get(1));
            Eventually.await(TIMEOUT, "the collection to equal the platform after a re-processing and a deletion",
                    () -> objectIds().equals(truth(simulator)), () -> objectIds().size() + " objects of " + truth(simulator).size());
            assertTrue(weaviate.objects(COLLECTION).values().stream().noneMatch(o -> videos.get(1).equals(o.properties().get("video_id"))));
            connect.deleteConnector("pipeline-source");
            connect.deleteConnector("pipeline-sink");
        }
    }

    /** Each object has the segment's properties and vector, and the docs' query finds the segment whose caption it repeats. */
    private static void assertStoredAsThePlatformSaysAndFoundBySearch(PlatformSimulator simulator) {
        Segment target = simulator.liveSegments().get(5);
        String id = SegmentIds.documented(target.videoId(), target.start(), target.end()).toString();
        StoredObject stored = weaviate.objects(COLLECTION).get(id);
        assertEquals(target.videoId(), stored.properties().get("video_id"));
        assertEquals(target.start(), stored.properties().get("start"));
        assertEquals(target.end(), stored.properties().get("end"));
        assertEquals(1024, stored.vector().length);

        Map<String, String> searcherConfig = sinkConfig("unused");
        try (VectorSearcher searcher = new WeaviateSearcherProvider().open(searcherConfig)) {
            List<SearchHit> hits = searcher.search(new SearchRequest(simulator.textEmbedding(target.caption()), 5, List.of(), null));
            assertEquals(id, hits.get(0).segmentId());
            assertEquals(target.start(), hits.get(0).payload().get("start"));
            assertTrue(hits.get(0).score() > 0.5, "score " + hits.get(0).score());
        }
    }

    private static Set<String> truth(PlatformSimulator simulator) {
        return simulator.liveSegments().stream()
                .map(s -> SegmentIds.documented(s.videoId(), s.start(), s.end()).toString()).collect(Collectors.toSet());
    }
}
