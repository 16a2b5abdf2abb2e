package io.vecsync.weaviate;

import io.vecsync.core.search.VectorSearcher;
import io.vecsync.testing.SinkRefusalSuite;
import io.vecsync.testing.weaviate.FakeWeaviate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;
import java.util.Set;

/** The pipeline and refusal suite against the protocol-level fake Weaviate (REST and gRPC). */
class WeaviatePipelineIT extends SinkRefusalSuite {

    private static final String COLLECTION = "VideoSegment";
    private FakeWeaviate weaviate;

    @BeforeAll
    void startWeaviate() {
        weaviate = FakeWeaviate.start();
    }

    @AfterAll
    void stopWeaviate() {
        weaviate.close();
    }

    @Override
    protected Map<String, String> sinkConfig() {
        return Map.of("connector.class", WeaviateSinkConnector.class.getName(),
                WeaviateSinkConfig.HOST, weaviate.host(), WeaviateSinkConfig.HTTP_PORT, Integer.toString(weaviate.httpPort()),
                WeaviateSinkConfig.GRPC_PORT, Integer.toString(weaviate.grpcPort()), WeaviateSinkConfig.COLLECTION, COLLECTION);
    }

    @Override
    protected Set<String> storedIds() {
        return weaviate.objects(COLLECTION).keySet();
    }

    @Override
    protected VectorSearcher openSearcher(Map<String, String> sinkConfig) {
        return new WeaviateSearcherProvider().open(sinkConfig);
    }

    /** Without auto-schema Weaviate refuses an object with a property its collection lacks, and keeps the others. */
    @Override
    protected String refusePoisonedPoints() {
        weaviate.reset();
        weaviate.autoSchema(false);
        return "no such prop with name '" + POISON + "'";
    }

    @Override
    protected void stopRefusing() {
        weaviate.reset();
    }
}
