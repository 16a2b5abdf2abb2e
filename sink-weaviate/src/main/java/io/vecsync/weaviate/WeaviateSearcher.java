package io.vecsync.weaviate;

import io.vecsync.core.SegmentSchema;
import io.vecsync.core.search.SearchHit;
import io.vecsync.core.search.SearchRequest;
import io.vecsync.core.search.VectorSearcher;
import io.weaviate.client6.v1.api.collections.CollectionHandle;
import io.weaviate.client6.v1.api.collections.WeaviateObject;
import io.weaviate.client6.v1.api.collections.query.Filter;
import io.weaviate.client6.v1.api.collections.query.Metadata;
import io.weaviate.client6.v1.api.collections.query.NearVector;
import io.weaviate.client6.v1.api.collections.query.QueryResponse;
import io.weaviate.client6.v1.api.collections.query.Target;
import io.weaviate.client6.v1.api.collections.tenants.Tenant;
import io.weaviate.client6.v1.internal.ObjectBuilder;
import org.apache.kafka.connect.errors.ConnectException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Nearest segments by a near-vector query over gRPC. Weaviate returns the cosine distance (0 to 2), so the score is
 * {@code 1 - distance}. With tenants named by a field, every tenant is searched and the hits merged.
 */
final class WeaviateSearcher implements VectorSearcher {

    private final WeaviateSinkConfig config;
    private final WeaviateConnection connection;
    private final WeaviateCollectionAdmin admin;
    private CollectionDefinition definition;

    WeaviateSearcher(WeaviateSinkConfig config) {
        this.config = config;
        this.connection = new WeaviateConnection(config);
        this.admin = new WeaviateCollectionAdmin(config, connection);
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        CollectionDefinition collection = definition();
        List<SearchHit> hits = new ArrayList<>();
        for (Optional<String> tenant : tenants()) {
            CollectionHandle<Map<String, Object>> handle = connection.client().collections.use(collection.name());
            QueryResponse<Map<String, Object>> response;
            try {
                response = tenant.map(handle::withTenant).orElse(handle).query.nearVector(target(collection, request.vector()), options(request));
            } catch (RuntimeException e) {
                throw WeaviateFailures.classify("searching collection " + collection.name() + tenant.map(t -> ", tenant " + t).orElse(""), e);
            }
            for (WeaviateObject<Map<String, Object>> object : response.objects()) {
                double score = 1 - object.queryMetadata().distance();
                if (request.minScore() == null || score >= request.minScore()) {
                    hits.add(new SearchHit(object.uuid(), score, new LinkedHashMap<>(object.properties())));
                }
            }
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return hits.size() > request.topK() ? List.copyOf(hits.subList(0, request.topK())) : hits;
    }

    /** The legacy vector is searched unnamed, a named one by its name. */
    private static Target.VectorTarget target(CollectionDefinition collection, float[] vector) {
        return collection.legacyVector() ? Target.vector(vector) : Target.vector(collection.vectorName(), vector);
    }

    private static Function<NearVector.Builder, ObjectBuilder<NearVector>> options(SearchRequest request) {
        return query -> {
            query.limit(request.topK()).returnMetadata(Metadata.DISTANCE);
            if (!request.videoIds().isEmpty()) {
                query.filters(Filter.property(SegmentSchema.VIDEO_ID).containsAny(request.videoIds()));
            }
            return query;
        };
    }

    private List<Optional<String>> tenants() {
        if (config.tenantField().isEmpty()) {
            return List.of(config.tenant());
        }
        try {
            return connection.client().collections.use(config.collection()).tenants.list().stream()
                    .map(Tenant::name).map(Optional::of).toList();
        } catch (RuntimeException e) {
            throw WeaviateFailures.classify("listing the tenants of collection " + config.collection(), e);
        }
    }

    private synchronized CollectionDefinition definition() {
        if (definition == null) {
            definition = admin.inspect();
        }
        return definition;
    }

    @Override
    public void checkReachable() {
        boolean ready;
        try {
            ready = connection.client().isReady();
        } catch (IOException | RuntimeException e) {
            throw WeaviateFailures.classify("checking that Weaviate is ready", e);
        }
        if (!ready) {
            throw new ConnectException("Weaviate at " + config.host() + " is not ready");
        }
        definition();
    }

    @Override
    public void close() {
        connection.close();
    }
}
