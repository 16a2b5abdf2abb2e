package io.vecsync.bench;

import io.vecsync.core.SegmentSchema;
import io.vecsync.testing.weaviate.FakeWeaviate;
import io.vecsync.weaviate.WeaviateSinkConfig;
import io.vecsync.weaviate.WeaviateSinkConnector;
import io.weaviate.client6.v1.api.WeaviateClient;
import io.weaviate.client6.v1.api.collections.CollectionHandle;
import io.weaviate.client6.v1.api.collections.Property;
import io.weaviate.client6.v1.api.collections.VectorConfig;
import io.weaviate.client6.v1.api.collections.Vectors;
import io.weaviate.client6.v1.api.collections.vectorindex.Distance;
import io.weaviate.client6.v1.api.collections.vectorindex.Hnsw;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** Weaviate's fake (REST and gRPC) with the official client's {@code data.insert} per object, a REST request each. */
final class StoreSinkWeaviate implements StoreSinkTarget {

    private final FakeWeaviate fake = FakeWeaviate.start();
    private final WeaviateClient client = WeaviateClient.connectToCustom(custom -> custom.scheme("http").httpHost(fake.host())
            .httpPort(fake.httpPort()).grpcHost(fake.host()).grpcPort(fake.grpcPort()));

    @Override
    public String name() {
        return "Weaviate";
    }

    @Override
    public Map<String, String> sinkConfig(String run) {
        return Map.of("connector.class", WeaviateSinkConnector.class.getName(),
                WeaviateSinkConfig.HOST, fake.host(), WeaviateSinkConfig.HTTP_PORT, Integer.toString(fake.httpPort()),
                WeaviateSinkConfig.GRPC_PORT, Integer.toString(fake.grpcPort()), WeaviateSinkConfig.COLLECTION, collection(run));
    }

    @Override
    public int pointCount(String run) {
        return fake.objects(collection(run)).size();
    }

    @Override
    public PointWriter openDirect(String run) throws Exception {
        CollectionHandle<Map<String, Object>> collection = client.collections.create(collection(run), definition -> definition
                .properties(Property.text(SegmentSchema.VIDEO_ID), Property.text(SegmentSchema.START), Property.text(SegmentSchema.END),
                        Property.number(SegmentSchema.START_SECONDS), Property.number(SegmentSchema.END_SECONDS),
                        Property.text(SegmentSchema.EMBEDDING_OPTION))
                .vectorConfig(VectorConfig.selfProvided(vector -> vector.vectorIndex(Hnsw.of(hnsw -> hnsw.distance(Distance.COSINE))))));
        return row -> collection.data.insert(StoreSinkTarget.payload(row),
                object -> object.uuid(row.id().toString()).vectors(Vectors.of(row.embedding())));
    }

    /** A Weaviate class name: "sink-warm-up" becomes "BenchSinkWarmUp". */
    private static String collection(String run) {
        return "Bench" + Arrays.stream(run.split("-")).map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the Weaviate client", e);
        } finally {
            fake.close();
        }
    }
}
