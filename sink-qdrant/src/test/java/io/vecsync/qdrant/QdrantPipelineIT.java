package io.vecsync.qdrant;

import io.vecsync.core.search.VectorSearcher;
import io.vecsync.testing.SinkPipelineSuite;
import io.vecsync.testing.qdrant.QdrantFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;
import java.util.Set;

/** The pipeline suite against the protocol-level fake Qdrant, with an API key. */
class QdrantPipelineIT extends SinkPipelineSuite {

    private static final String COLLECTION = "pipeline-segments";
    private QdrantFake qdrant;

    @BeforeAll
    void startQdrant() {
        qdrant = QdrantFake.start("pipeline-key");
    }

    @AfterAll
    void stopQdrant() {
        qdrant.close();
    }

    @Override
    protected Map<String, String> sinkConfig() {
        return Map.of("connector.class", QdrantSinkConnector.class.getName(),
                QdrantSinkConfig.HOST, qdrant.host(), QdrantSinkConfig.PORT, Integer.toString(qdrant.port()),
                QdrantSinkConfig.API_KEY, "pipeline-key", QdrantSinkConfig.COLLECTION, COLLECTION);
    }

    @Override
    protected Set<String> storedIds() {
        return qdrant.points(COLLECTION).keySet();
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> sinkConfig) {
        return new QdrantSearcherProvider().open(sinkConfig);
    }
}
