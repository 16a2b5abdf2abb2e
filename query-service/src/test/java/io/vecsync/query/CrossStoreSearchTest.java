package io.vecsync.query;

import io.vecsync.core.FloatListView;
import io.vecsync.core.SegmentSchema;
import io.vecsync.core.VectorEncoding;
import io.vecsync.core.SegmentIds;
import io.vecsync.core.search.SearchHit;
import io.vecsync.core.search.SearchRequest;
import io.vecsync.core.search.SearcherProvider;
import io.vecsync.core.search.VectorSearcher;
import io.vecsync.core.sink.VectorSinkTask;
import io.vecsync.pgvector.PgVectorSinkConfig;
import io.vecsync.pgvector.PgVectorSinkConnector;
import io.vecsync.pinecone.PineconeSinkConfig;
import io.vecsync.pinecone.PineconeSinkConnector;
import io.vecsync.qdrant.QdrantSinkConfig;
import io.vecsync.qdrant.QdrantSinkConnector;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import io.vecsync.testing.PostgresServer;
import io.vecsync.testing.RecordingSinkTaskContext;
import io.vecsync.testing.SinkTasks;
import io.vecsync.testing.pinecone.PineconeFake;
import io.vecsync.testing.qdrant.QdrantFake;
import io.vecsync.testing.weaviate.FakeWeaviate;
import io.vecsync.weaviate.WeaviateSinkConfig;
import io.vecsync.weaviate.WeaviateSinkConnector;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One score semantics on every store: the same segments written through each sink, then searched through each
 * searcher, give the same top-10 ids in the same order and the same cosine similarities.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossStoreSearchTest {

    private PlatformSimulator simulator;
    private QdrantFake qdrant;
    private PineconeFake pinecone;
    private FakeWeaviate weaviate;
    private final Map<String, Map<String, String>> storeProps = new LinkedHashMap<>();

    @BeforeAll
    void loadEveryStore() throws Exception {
        simulator = PlatformSimulator.builder().seed(61).videos(12).build().start();
        qdrant = QdrantFake.start(null);
        pinecone = PineconeFake.start("pc-key");
        weaviate = FakeWeaviate.start();
        try (Connection db = DriverManager.getConnection(PostgresServer.jdbcUrl()); Statement statement = db.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS cross_store_segments");
        }
        storeProps.put("pgvector", Map.of(PgVectorSinkConfig.URL, PostgresServer.jdbcUrl(), PgVectorSinkConfig.TABLE, "cross_store_segments"));
        storeProps.put("qdrant", Map.of(QdrantSinkConfig.HOST, qdrant.host(), QdrantSinkConfig.PORT, Integer.toString(qdrant.port())));
        storeProps.put("pinecone", Map.of(PineconeSinkConfig.API_KEY, "pc-key", PineconeSinkConfig.HOST, pinecone.controlPlaneUrl(),
                PineconeSinkConfig.TLS, "false"));
        storeProps.put("weaviate", Map.of(WeaviateSinkConfig.HOST, weaviate.host(),
                WeaviateSinkConfig.HTTP_PORT, Integer.toString(weaviate.httpPort()), WeaviateSinkConfig.GRPC_PORT, Integer.toString(weaviate.grpcPort())));
        Map<String, SinkConnector> sinks = Map.of("pgvector", new PgVectorSinkConnector(), "qdrant", new QdrantSinkConnector(),
                "pinecone", new PineconeSinkConnector(), "weaviate", new WeaviateSinkConnector());
        List<SinkRecord> records = records();
        for (Map.Entry<String, SinkConnector> sink : sinks.entrySet()) {
            Map<String, String> props = storeProps.get(sink.getKey());
            SinkConnector connector = sink.getValue();
            VectorSinkTask task = (VectorSinkTask) connector.taskClass().getDeclaredConstructor().newInstance();
            task.initialize(new RecordingSinkTaskContext(props));
            task.start(props);
            SinkTasks.write(task, records);
            task.stop();
        }
    }

    @AfterAll
    void stopStores() {
        simulator.close();
        qdrant.close();
        pinecone.close();
        weaviate.close();
    }

    private List<SinkRecord> records() {
        List<SinkRecord> records = new ArrayList<>();
        Schema schema = SegmentSchema.value(VectorEncoding.FLOAT_ARRAY);
        for (Segment segment : simulator.liveSegments()) {
            String id = SegmentIds.documented(segment.videoId(), segment.start(), segment.end()).toString();
            Struct value = new Struct(schema).put(SegmentSchema.ID, id).put(SegmentSchema.VIDEO_ID, segment.videoId())
                    .put(SegmentSchema.START, segment.start()).put(SegmentSchema.END, segment.end())
                    .put(SegmentSchema.START_SECONDS, 0.0).put(SegmentSchema.END_SECONDS, 10.0)
                    .put(SegmentSchema.EMBEDDING, new FloatListView(segment.embedding()));
            records.add(new SinkRecord("segments", 0, Schema.STRING_SCHEMA, id, schema, value, records.size()));
        }
        return records;
    }

    @Test
    void everyStoreGivesTheSameTopTenAndScores() {
        List<Segment> segments = simulator.liveSegments();
        for (int q = 0; q < 10; q++) {
            float[] query = simulator.textEmbedding(segments.get(q * 7 % segments.size()).caption() + " rain");
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
                        assertEquals(reference.get(i).score(), hits.get(i).score(), 1e-3, store.getKey() + " score of hit " + i);
                    }
                }
            }
        }
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::segmentId).toList();
    }
}
