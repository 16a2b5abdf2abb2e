/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vecsync.chroma.ChromaServer;
import io.vecsync.chroma.ChromaSinkConfig;
import io.vecsync.chroma.ChromaSinkConnector;
import io.vecsync.pgvector.PgVectorSinkConfig;
import io.vecsync.pgvector.PgVectorSinkConnector;
import io.vecsync.pinecone.PineconeSinkConfig;
import io.vecsync.pinecone.PineconeSinkConnector;
import io.vecsync.pinecone.fake.FakePinecone;
import io.vecsync.qdrant.QdrantSinkConfig;
import io.vecsync.qdrant.QdrantSinkConnector;
import io.vecsync.qdrant.fake.FakeQdrant;
import io.vecsync.search.SearchHit;
import io.vecsync.search.SearchRequest;
import io.vecsync.search.SearcherProvider;
import io.vecsync.search.VectorSearcher;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import io.vecsync.testing.PostgresServer;
import io.vecsync.weaviate.WeaviateSinkConfig;
import io.vecsync.weaviate.WeaviateSinkConnector;
import io.vecsync.weaviate.fake.FakeWeaviate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One score semantics on every store: the same segments written through each sink, then searched through each
 * searcher, give the same top-10 ids in the same order and the same cosine similarities.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossStoreSearchTest {

    private PlatformSimulator simulator;
    private FakeQdrant qdrant;
    private FakePinecone pinecone;
    private FakeWeaviate weaviate;
    private final Map<String, Map<String, String>> storeProps = new LinkedHashMap<>();

    @BeforeAll
    void loadEveryStore() throws Exception {
        simulator = PlatformSimulator.builder().seed(61).videos(12).build().start();
        qdrant = FakeQdrant.start(null);
        pinecone = FakePinecone.start("pc-key");
        weaviate = FakeWeaviate.start();
        try (Connection db = DriverManager.getConnection(PostgresServer.jdbcUrl());
                Statement statement = db.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS cross_store_segments");
        }
        storeProps.put(
                "pgvector",
                Map.of(
                        PgVectorSinkConfig.URL,
                        PostgresServer.jdbcUrl(),
                        PgVectorSinkConfig.TABLE,
                        "cross_store_segments"));
        storeProps.put(
                "qdrant",
                Map.of(QdrantSinkConfig.HOST, qdrant.host(), QdrantSinkConfig.PORT, Integer.toString(qdrant.port())));
        storeProps.put(
                "pinecone",
                Map.of(
                        PineconeSinkConfig.API_KEY,
                        "pc-key",
                        PineconeSinkConfig.HOST,
                        pinecone.controlPlaneUrl(),
                        PineconeSinkConfig.TLS,
                        "false"));
        storeProps.put(
                "weaviate",
                Map.of(
                        WeaviateSinkConfig.HOST,
                        weaviate.host(),
                        WeaviateSinkConfig.HTTP_PORT,
                        Integer.toString(weaviate.httpPort()),
                        WeaviateSinkConfig.GRPC_PORT,
                        Integer.toString(weaviate.grpcPort())));
        Map<String, SinkConnector> sinks = new LinkedHashMap<>(Map.of(
                "pgvector",
                new PgVectorSinkConnector(),
                "qdrant",
                new QdrantSinkConnector(),
                "pinecone",
                new PineconeSinkConnector(),
                "weaviate",
                new WeaviateSinkConnector()));
        // Chroma is a real server here, where Python can install it; its suites say so when it cannot.
        if (ChromaServer.available()) {
            storeProps.put(
                    "chroma",
                    Map.of(
                            ChromaSinkConfig.URL,
                            ChromaServer.get().url(),
                            ChromaSinkConfig.COLLECTION,
                            "cross-store-segments"));
            sinks.put("chroma", new ChromaSinkConnector());
        }
        List<SinkRecord> records = SimulatorSegments.records(simulator);
        for (Map.Entry<String, SinkConnector> sink : sinks.entrySet()) {
            SimulatorSegments.write(sink.getValue(), storeProps.get(sink.getKey()), records);
        }
    }

    @AfterAll
    void stopStores() {
        simulator.close();
        qdrant.close();
        pinecone.close();
        weaviate.close();
    }

    @Test
    void everyStoreGivesTheSameTopTenAndScores() {
        List<Segment> segments = simulator.liveSegments();
        for (int q = 0; q < 10; q++) {
            float[] query = simulator.textEmbedding(
                    segments.get(q * 7 % segments.size()).caption() + " rain");
            List<SearchHit> reference = null;
            for (Map.Entry<String, Map<String, String>> store : storeProps.entrySet()) {
                SearcherProvider provider = QueryService.provider(store.getKey());
                try (VectorSearcher searcher = provider.open(store.getValue())) {
                    List<SearchHit> hits = searcher.search(new SearchRequest(query, 10, List.of(), null));
                    if (reference == null) {
                        reference = hits;
                        continue;
                    }
                    assertEquals(ids(reference), ids(hits), store.getKey() + " ranks like pgvector for query " + q);
                    for (int i = 0; i < hits.size(); i++) {
                        assertEquals(
                                reference.get(i).score(),
                                hits.get(i).score(),
                                1e-3,
                                store.getKey() + " score of hit " + i);
                    }
                }
            }
        }
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::segmentId).toList();
    }
}
