/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import com.google.gson.JsonObject;
import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.TargetAdmin;
import io.weaviate.client6.v1.api.WeaviateApiException;
import io.weaviate.client6.v1.api.collections.CollectionHandle;
import io.weaviate.client6.v1.api.collections.VectorConfig;
import io.weaviate.client6.v1.api.collections.WeaviateObject;
import io.weaviate.client6.v1.api.collections.query.QueryResponse;
import io.weaviate.client6.v1.api.collections.tenants.Tenant;
import io.weaviate.client6.v1.api.collections.vectorindex.Distance;
import io.weaviate.client6.v1.api.collections.vectorindex.Hnsw;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the collection when missing — no vectorizer, an HNSW index with the cosine distance, the segment's
 * properties, multi-tenancy when a tenant is configured — or verifies an existing one and adds the properties it
 * lacks. Weaviate fixes no dimension in a collection, so the dimension is checked against a stored vector when there
 * is one — with tenants named by a field, by Weaviate at each tenant's first write instead, which the writer reports as
 * clearly. A tenant configured by name is created here, ready for the first write.
 */
final class WeaviateCollectionAdmin implements TargetAdmin {

    private static final Logger log = LoggerFactory.getLogger(WeaviateCollectionAdmin.class);

    private final WeaviateSinkConfig config;
    private final WeaviateConnection connection;
    private volatile CollectionDefinition definition;

    WeaviateCollectionAdmin(WeaviateSinkConfig config, WeaviateConnection connection) {
        this.config = config;
        this.connection = connection;
    }

    @Override
    public void ensureTarget(int dimension) {
        String name = config.collection();
        Optional<JsonObject> existing = connection.definition(name);
        if (existing.isEmpty()) {
            create(dimension);
            existing = connection.definition(name);
        }
        CollectionDefinition verified = verify(CollectionDefinition.parse(existing.orElseThrow(
                () -> new RetriableException("collection " + name + " is missing right after it was created"))));
        if (!verified.propertyTypes().keySet().containsAll(SegmentProperties.TYPES.keySet())) {
            addMissingProperties(verified);
            verified = verify(CollectionDefinition.parse(connection
                    .definition(name)
                    .orElseThrow(() ->
                            new RetriableException("collection " + name + " was dropped while the sink prepared it"))));
        }
        config.tenant().ifPresent(this::ensureTenant);
        if (config.tenantField().isEmpty()) {
            checkDimension(verified, dimension);
        }
        definition = verified;
    }

    /**
     * What {@link #ensureTarget} verified.
     *
     * @throws IllegalStateException before it ran
     */
    CollectionDefinition definition() {
        CollectionDefinition verified = definition;
        if (verified == null) {
            throw new IllegalStateException("the collection has not been prepared");
        }
        return verified;
    }

    /** Reads and verifies the collection without changing anything, as a searcher does. */
    CollectionDefinition inspect() {
        return verify(CollectionDefinition.parse(connection
                .definition(config.collection())
                .orElseThrow(() -> new ConnectException(
                        "collection " + config.collection() + " does not exist; the sink creates it"))));
    }

    private void create(int dimension) {
        String name = config.collection();
        try {
            connection
                    .client()
                    .collections
                    .create(
                            name,
                            collection -> collection
                                    .description(
                                            "Video segments synced by vecsync: one object per segment, id = segment id, "
                                                    + dimension + "-dimensional platform embeddings")
                                    .properties(SegmentProperties.TYPES.keySet().stream()
                                            .map(SegmentProperties::property)
                                            .toList())
                                    .vectorConfig(VectorConfig.selfProvided(vector ->
                                            vector.vectorIndex(Hnsw.of(hnsw -> hnsw.distance(Distance.COSINE)))))
                                    .multiTenancy(tenancy -> tenancy.enabled(config.multiTenant())));
            log.info(
                    "created Weaviate collection {} (no vectorizer, HNSW cosine{})",
                    name,
                    config.multiTenant() ? ", multi-tenant" : "");
        } catch (IOException | RuntimeException e) {
            if (connection.definition(name).isEmpty()) {
                throw WeaviateErrors.INSTANCE.classify("creating collection " + name, e);
            }
            log.info("collection {} was created meanwhile, by another task", name);
        }
    }

    private CollectionDefinition verify(CollectionDefinition found) {
        String name = found.name();
        if (!found.vectorizer().equals("none")) {
            throw new ConnectException(
                    "collection " + name + " vectorizes its '" + found.vectorName() + "' vector with "
                            + found.vectorizer()
                            + ", but the sink supplies the platform's embeddings: use a collection whose vector"
                            + " has no vectorizer (none), or another " + WeaviateSinkConfig.COLLECTION);
        }
        if (!found.distance().equals("cosine")) {
            throw new ConnectException(
                    "collection " + name + " compares vectors by " + found.distance() + " distance, but the"
                            + " platform's embeddings are compared by cosine: use a collection with the cosine distance, or another "
                            + WeaviateSinkConfig.COLLECTION);
        }
        if (found.multiTenant() != config.multiTenant()) {
            throw new ConnectException(
                    found.multiTenant()
                            ? "collection " + name + " has multi-tenancy enabled: set " + WeaviateSinkConfig.TENANT
                                    + " or " + WeaviateSinkConfig.TENANT_FIELD + ", or use another "
                                    + WeaviateSinkConfig.COLLECTION
                            : "collection " + name + " has multi-tenancy disabled, but "
                                    + (config.tenant().isPresent()
                                            ? WeaviateSinkConfig.TENANT
                                            : WeaviateSinkConfig.TENANT_FIELD)
                                    + " is set: unset it, or use a multi-tenant "
                                    + WeaviateSinkConfig.COLLECTION);
        }
        for (Map.Entry<String, String> expected : SegmentProperties.TYPES.entrySet()) {
            String type = found.propertyTypes().get(expected.getKey());
            if (type != null && !type.equals(expected.getValue())) {
                throw new ConnectException("collection " + name + " has property " + expected.getKey() + " of type "
                        + type
                        + ", but the sink writes the segment's " + expected.getKey() + " as " + expected.getValue()
                        + ": use another " + WeaviateSinkConfig.COLLECTION);
            }
        }
        return found;
    }

    /** Adds the segment properties the collection lacks; one another task added meanwhile is no error. */
    private void addMissingProperties(CollectionDefinition found) {
        CollectionHandle<Map<String, Object>> collection =
                connection.client().collections.use(found.name());
        for (String property : SegmentProperties.TYPES.keySet()) {
            if (!found.propertyTypes().containsKey(property)) {
                try {
                    collection.config.addProperty(SegmentProperties.property(property));
                    log.info("added property {} to collection {}", property, found.name());
                } catch (IOException | RuntimeException e) {
                    boolean addedMeanwhile = connection
                            .definition(found.name())
                            .map(CollectionDefinition::parse)
                            .filter(now -> now.propertyTypes().containsKey(property))
                            .isPresent();
                    if (!addedMeanwhile) {
                        throw WeaviateErrors.INSTANCE.classify(
                                "adding property " + property + " to collection " + found.name(), e);
                    }
                }
            }
        }
    }

    /** Creates the tenant when missing and activates it when inactive; another task doing the same is no error. */
    void ensureTenant(String tenant) {
        CollectionHandle<Map<String, Object>> collection =
                connection.client().collections.use(config.collection());
        String doing = "preparing tenant " + tenant + " of collection " + config.collection();
        try {
            Optional<Tenant> existing = collection.tenants.get(tenant);
            if (existing.isEmpty()) {
                try {
                    collection.tenants.create(Tenant.active(tenant));
                    log.info("created tenant {} of collection {}", tenant, config.collection());
                } catch (WeaviateApiException e) {
                    if (collection.tenants.get(tenant).isEmpty()) {
                        throw e;
                    }
                }
            } else if (!existing.get().isActive()) {
                collection.tenants.activate(tenant);
                log.info("activated tenant {} of collection {}", tenant, config.collection());
            }
        } catch (IOException | RuntimeException e) {
            throw WeaviateErrors.INSTANCE.classify(doing, e);
        }
    }

    /** Compares the dimension with a vector the collection (or the configured tenant) holds already. */
    private void checkDimension(CollectionDefinition found, int dimension) {
        CollectionHandle<Map<String, Object>> collection =
                connection.client().collections.use(found.name());
        CollectionHandle<Map<String, Object>> shard =
                config.tenant().map(collection::withTenant).orElse(collection);
        List<WeaviateObject<Map<String, Object>>> sample;
        try {
            QueryResponse<Map<String, Object>> response = shard.query.fetchObjects(query -> found.legacyVector()
                    ? query.limit(1).includeVector()
                    : query.limit(1).includeVector(found.vectorName()));
            sample = response.objects();
        } catch (RuntimeException e) {
            throw WeaviateErrors.INSTANCE.classify("reading a stored vector of collection " + found.name(), e);
        }
        for (WeaviateObject<Map<String, Object>> object : sample) {
            float[] stored = object.vectors() == null ? null : object.vectors().getSingle(found.vectorName());
            if (stored != null && stored.length != dimension) {
                throw new ConnectException("collection " + found.name()
                        + config.tenant().map(t -> ", tenant " + t).orElse("")
                        + " holds vectors of " + stored.length + " dimensions (object " + object.uuid() + "), but "
                        + CommonSinkConfig.EMBEDDING_DIMENSION + " is " + dimension + ": use another "
                        + WeaviateSinkConfig.COLLECTION + " or change the setting");
            }
        }
    }
}
