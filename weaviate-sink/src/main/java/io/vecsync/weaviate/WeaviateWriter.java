/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.core.sink.CommonSinkConfig;
import io.vecsync.core.sink.RefusedPointsException;
import io.vecsync.core.sink.Requests;
import io.vecsync.core.sink.VectorPoint;
import io.vecsync.core.sink.VectorWriter;
import io.vecsync.core.sink.WriteBatch;
import io.weaviate.client6.v1.api.collections.CollectionHandle;
import io.weaviate.client6.v1.api.collections.Vectors;
import io.weaviate.client6.v1.api.collections.WeaviateObject;
import io.weaviate.client6.v1.api.collections.data.DeleteManyResponse;
import io.weaviate.client6.v1.api.collections.data.InsertManyResponse;
import io.weaviate.client6.v1.api.collections.query.Filter;
import io.weaviate.client6.v1.api.collections.tenants.Tenant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * Writes a batch over gRPC: a batch insert per tenant with the segment id as the object id (Weaviate replaces an
 * object whose id exists), and a batch delete by id filter for the tombstones.
 *
 * <p>A Weaviate batch fails object by object. {@link #check} refuses up front what Weaviate would refuse for one
 * object — a property value that does not fit the collection's property type, a name Weaviate does not take, a missing
 * or invalid tenant name — so such records reach the dead-letter queue before a write. An object refused all the same
 * is retried when Weaviate says the cause is passing, fails the task when its vector length differs from the
 * collection's, and otherwise goes to the dead-letter queue through {@link RefusedPointsException} once the rest of
 * the batch is written. Weaviate never refuses a whole request for an object's content; requests stay within the gRPC
 * message size it announces, and one the estimate lets past that size (a single object too large) is written again in
 * halves by the framework, see {@link WeaviateErrors#classifyBatch}.
 */
final class WeaviateWriter implements VectorWriter {

    /** Objects per request: Weaviate advises batches of 100 to 1,000. */
    static final int MAX_OBJECTS_PER_REQUEST = 1000;
    /** What an object adds to a request besides its vector and properties: its id, collection, tenant and framing. */
    private static final int OBJECT_OVERHEAD_BYTES = 128;
    /** What a property adds besides its name and value: protobuf framing. */
    private static final int PROPERTY_OVERHEAD_BYTES = 8;

    private static final Pattern VECTOR_LENGTH = Pattern.compile(
            "new node has a vector with length (\\d+)\\. Existing nodes have vectors with length (\\d+)");
    /** Per-object errors a retry can get past: replication, a read-only shard after disk pressure, timeouts. */
    private static final List<String> TRANSIENT_OBJECT_ERRORS = List.of(
            "read-only",
            "read only",
            "consistency level",
            "context deadline exceeded",
            "connection refused",
            "unavailable",
            "timeout");

    private static final int REASONS_SHOWN = 5;

    private final WeaviateSinkConfig config;
    private final WeaviateConnection connection;
    private final WeaviateCollectionAdmin admin;
    private final Set<String> readyTenants = new HashSet<>();
    /**
     * Property types known to the collection: its definition's, plus those Weaviate's auto-schema gave new fields. Read
     * by {@link #check} on Connect's task thread while the writer thread adds to it.
     */
    private Map<String, String> propertyTypes;

    WeaviateWriter(WeaviateSinkConfig config, WeaviateConnection connection, WeaviateCollectionAdmin admin) {
        this.config = config;
        this.connection = connection;
        this.admin = admin;
        config.tenant().ifPresent(readyTenants::add);
    }

    @Override
    public void check(VectorPoint point) {
        Optional<String> tenantField = config.tenantField();
        if (tenantField.isPresent()) {
            Object tenant = point.payload().get(tenantField.get());
            if (!(tenant instanceof String name)
                    || !WeaviateSinkConfig.TENANT_NAME.matcher(name).matches()) {
                throw new DataException("field '" + tenantField.get() + "': "
                        + (tenant == null
                                ? "missing"
                                : "'" + tenant + "' is not a" + " Weaviate tenant name ("
                                        + WeaviateSinkConfig.TENANT_RULE + ")")
                        + "; it names the segment's tenant ("
                        + WeaviateSinkConfig.TENANT_FIELD + ")");
            }
        }
        Map<String, String> types = knownPropertyTypes();
        for (Map.Entry<String, Object> field : point.payload().entrySet()) {
            String problem = SegmentProperties.nameProblem(field.getKey());
            if (problem == null && types.containsKey(field.getKey())) {
                problem = SegmentProperties.valueProblem(field.getValue(), types.get(field.getKey()));
            }
            if (problem != null) {
                throw new DataException(
                        "field '" + field.getKey() + "': " + problem + " (collection " + config.collection() + ")");
            }
        }
    }

    private synchronized Map<String, String> knownPropertyTypes() {
        if (propertyTypes == null) {
            propertyTypes = new ConcurrentHashMap<>(admin.definition().propertyTypes());
        }
        return propertyTypes;
    }

    @Override
    public void write(WriteBatch batch) {
        if (!batch.deletes().isEmpty()) {
            delete(batch.deletes());
        }
        Map<Optional<String>, List<VectorPoint>> byTenant = new LinkedHashMap<>();
        for (VectorPoint point : batch.upserts()) {
            byTenant.computeIfAbsent(tenantOf(point), tenant -> new ArrayList<>())
                    .add(point);
        }
        Map<String, String> refused = new LinkedHashMap<>();
        byTenant.forEach((tenant, points) -> refused.putAll(insert(tenant, points)));
        if (!refused.isEmpty()) {
            throw new RefusedPointsException(
                    "Weaviate refused " + refused.size() + " of "
                            + batch.upserts().size() + " objects",
                    refused);
        }
    }

    private Optional<String> tenantOf(VectorPoint point) {
        return config.tenantField()
                .map(field -> (String) point.payload().get(field))
                .or(config::tenant);
    }

    private CollectionHandle<Map<String, Object>> collection(Optional<String> tenant) {
        CollectionHandle<Map<String, Object>> collection =
                connection.client().collections.use(config.collection());
        return tenant.map(collection::withTenant).orElse(collection);
    }

    /** Inserts the points; returns the reasons of the objects Weaviate refused for good, by id. */
    private Map<String, String> insert(Optional<String> tenant, List<VectorPoint> points) {
        Map<String, String> refused = new LinkedHashMap<>();
        if (tenant.isPresent() && !readyTenants.contains(tenant.get())) {
            admin.ensureTenant(tenant.get());
            readyTenants.add(tenant.get());
        }
        CollectionHandle<Map<String, Object>> collection = collection(tenant);
        String vectorName = admin.definition().vectorName();
        String where = config.collection() + tenant.map(t -> ", tenant " + t).orElse("");
        long maxBytes = connection.maxRequestBytes();
        for (List<VectorPoint> chunk :
                Requests.split(points, MAX_OBJECTS_PER_REQUEST, maxBytes, WeaviateWriter::estimatedBytes)) {
            List<WeaviateObject<Map<String, Object>>> objects = new ArrayList<>(chunk.size());
            for (VectorPoint point : chunk) {
                objects.add(WeaviateObject.of(object -> object.uuid(point.id())
                        .properties(point.payload())
                        .vectors(Vectors.of(vectorName, point.vector()))));
            }
            InsertManyResponse response;
            try {
                response = collection.data.insertMany(objects);
            } catch (RuntimeException e) {
                throw WeaviateErrors.INSTANCE.classifyBatch("writing " + chunk.size() + " objects to " + where, e);
            }
            refused.putAll(refused(response, where));
            Map<String, String> types = knownPropertyTypes();
            chunk.forEach(point -> point.payload()
                    .forEach((name, value) -> types.putIfAbsent(name, SegmentProperties.inferredType(value))));
        }
        return refused;
    }

    /**
     * The objects Weaviate refused for good, with its reasons; fails the write when a retry can help or when the
     * collection's vectors have another length.
     */
    private Map<String, String> refused(InsertManyResponse response, String where) {
        List<InsertManyResponse.InsertObject> refused = response.responses().stream()
                .filter(object -> !object.successful())
                .toList();
        if (refused.isEmpty()) {
            return Map.of();
        }
        for (InsertManyResponse.InsertObject object : refused) {
            Matcher lengths = VECTOR_LENGTH.matcher(String.valueOf(object.error()));
            if (lengths.find()) {
                throw new ConnectException(
                        "collection " + where + " holds vectors of " + lengths.group(2) + " dimensions, but "
                                + CommonSinkConfig.EMBEDDING_DIMENSION + " is " + lengths.group(1) + ": use another "
                                + WeaviateSinkConfig.COLLECTION + " or change the setting (Weaviate refused object "
                                + object.uuid() + ")");
            }
        }
        boolean passing = refused.stream()
                .anyMatch(object -> TRANSIENT_OBJECT_ERRORS.stream()
                        .anyMatch(String.valueOf(object.error()).toLowerCase(Locale.ROOT)::contains));
        if (passing) {
            StringBuilder reasons = new StringBuilder();
            refused.stream()
                    .limit(REASONS_SHOWN)
                    .forEach(object -> reasons.append("; ")
                            .append(object.uuid())
                            .append(": ")
                            .append(object.error()));
            throw new RetriableException("Weaviate refused " + refused.size() + " of "
                    + response.responses().size() + " objects written to " + where + reasons
                    + (refused.size() > REASONS_SHOWN ? "; ..." : ""));
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        refused.forEach(object -> reasons.put(object.uuid(), where + ": " + object.error()));
        return reasons;
    }

    /** Deletes by id; a tombstone carries no tenant field, so with one its ids are deleted in every tenant. */
    private void delete(List<String> ids) {
        List<Optional<String>> tenants = config.tenantField().isPresent() ? allTenants() : List.of(config.tenant());
        for (Optional<String> tenant : tenants) {
            CollectionHandle<Map<String, Object>> collection = collection(tenant);
            String where =
                    config.collection() + tenant.map(t -> ", tenant " + t).orElse("");
            for (List<String> chunk : Requests.split(ids, MAX_OBJECTS_PER_REQUEST)) {
                DeleteManyResponse response;
                try {
                    response = collection.data.deleteMany(Filter.uuid().containsAny(chunk.toArray(String[]::new)));
                } catch (RuntimeException e) {
                    throw WeaviateErrors.INSTANCE.classify("deleting " + chunk.size() + " objects from " + where, e);
                }
                if (response.failed() > 0) {
                    throw new RetriableException(
                            "deleting " + chunk.size() + " objects from " + where + ": Weaviate failed to delete "
                                    + response.failed() + " of the " + response.matches() + " it found");
                }
            }
        }
    }

    /** An object's share of a batch request: its vector's float32 bytes, its properties' names and values, framing. */
    private static long estimatedBytes(VectorPoint point) {
        long bytes = OBJECT_OVERHEAD_BYTES + (long) Float.BYTES * point.vector().length;
        for (Map.Entry<String, Object> property : point.payload().entrySet()) {
            Object value = property.getValue();
            bytes += PROPERTY_OVERHEAD_BYTES
                    + utf8Length(property.getKey())
                    + (value instanceof String text ? utf8Length(text) : Double.BYTES);
        }
        return bytes;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private List<Optional<String>> allTenants() {
        try {
            return connection.client().collections.use(config.collection()).tenants.list().stream()
                    .map(Tenant::name)
                    .map(Optional::of)
                    .toList();
        } catch (RuntimeException e) {
            throw WeaviateErrors.INSTANCE.classify("listing the tenants of collection " + config.collection(), e);
        }
    }

    /** The writer holds nothing of its own: the store closes the connection it shares with the admin. */
    @Override
    public void close() {}
}
