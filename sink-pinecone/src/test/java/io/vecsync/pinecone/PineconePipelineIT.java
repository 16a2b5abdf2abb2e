package io.vecsync.pinecone;

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
import io.vecsync.testing.pinecone.PineconeFake;
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

/** Source, Kafka and the Pinecone sink in one real Connect cluster, writing through the official client to the fake. */
@Tag("slow")
class PineconePipelineIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String INDEX = "video-segments";
    private static PineconeFake pinecone;
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startCluster() {
        pinecone = PineconeFake.start("pipeline-key");
        connect = ConnectClusters.start("pinecone-it", 1);
    }

    @AfterAll
    static void stopCluster() {
        connect.stop();
        pinecone.close();
    }

    private static Map<String, String> sinkConfig(String topic) {
        Map<String, String> config = new LinkedHashMap<>(PineconeTestProps.of(pinecone, INDEX));
        config.put("connector.class", PineconeSinkConnector.class.getName());
        config.put("tasks.max", "2");
        config.put("topics", topic);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        return config;
    }

    private static Set<String> vectorIds() {
        return PineconeTestProps.stored(pinecone, INDEX, "").keySet();
    }

    @Test
    void theIndexFollowsThePlatformThroughSyncReprocessingAndDeletion() {
        String topic = "pipeline-segments";
        connect.kafka().createTopic(topic, 2, 1, Map.of("cleanup.policy", "compact"));
        try (PlatformSimulator simulator = PlatformSimulator.builder().seed(31).videos(10).build().start()) {
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

            Eventually.await(TIMEOUT, "the index to equal the platform after the initial sync",
                    () -> vectorIds().equals(truth(simulator)), () -> vectorIds().size() + " vectors of " + truth(simulator).size());
            assertEquals(1024, pinecone.index(INDEX).orElseThrow().dimension(), "created with the platform's dimension");
            assertDocsQueryFindsTheSegment(simulator);

            List<String> videos = simulator.videoIds();
            simulator.reprocess(videos.get(0));
            simulator.delete(videos.get(1));
            Eventually.await(TIMEOUT, "the index to equal the platform after a re-processing and a deletion",
                    () -> vectorIds().equals(truth(simulator)), () -> vectorIds().size() + " vectors of " + truth(simulator).size());
            assertTrue(PineconeTestProps.stored(pinecone, INDEX, "").values().stream()
                    .noneMatch(point -> point.payload().get("video_id").equals(videos.get(1))));
            connect.deleteConnector("pipeline-source");
            connect.deleteConnector("pipeline-sink");
        }
    }

    /** The platform docs' query — top 5 with metadata — finds the segment whose caption the query repeats. */
    private static void assertDocsQueryFindsTheSegment(PlatformSimulator simulator) {
        Segment target = simulator.liveSegments().get(7);
        try (VectorSearcher searcher = new PineconeSearcherProvider().open(sinkConfig("pipeline-segments"))) {
            List<SearchHit> hits = searcher.search(new SearchRequest(simulator.textEmbedding(target.caption()), 5, List.of(), null));
            SearchHit best = hits.get(0);
            assertEquals(SegmentIds.documented(target.videoId(), target.start(), target.end()).toString(), best.segmentId());
            assertEquals(target.videoId(), best.payload().get("video_id"));
            assertEquals(target.start(), best.payload().get("start"));
            assertEquals(target.end(), best.payload().get("end"));
            assertTrue(best.score() > 0.5, "cosine similarity " + best.score());
        }
    }

    private static Set<String> truth(PlatformSimulator simulator) {
        return simulator.liveSegments().stream()
                .map(s -> SegmentIds.documented(s.videoId(), s.start(), s.end()).toString()).collect(Collectors.toSet());
    }
}
