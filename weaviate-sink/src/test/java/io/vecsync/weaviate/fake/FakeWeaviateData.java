/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The fake's state and Weaviate's rules for it: class definitions, tenants, and objects with their per-object checks
 * (property types, tenant, vector length per shard). REST and gRPC handlers both work on it; every method is atomic.
 */
final class FakeWeaviateData {

    private final Map<String, FakeCollection> collections = new TreeMap<>();

    synchronized ObjectNode createCollection(JsonNode requested) {
        FakeCollection collection = FakeCollection.create(requested);
        if (collections.containsKey(collection.name())) {
            throw WeaviateError.unprocessable("class name " + collection.name() + " already exists");
        }
        collections.put(collection.name(), collection);
        return collection.definition();
    }

    synchronized Optional<ObjectNode> definition(String name) {
        return Optional.ofNullable(collections.get(FakeCollection.capitalize(name)))
                .map(FakeCollection::definition);
    }

    synchronized List<ObjectNode> definitions() {
        return collections.values().stream().map(FakeCollection::definition).toList();
    }

    synchronized void deleteCollection(String name) {
        collections.remove(FakeCollection.capitalize(name));
    }

    synchronized void deleteAll() {
        collections.clear();
    }

    synchronized void addProperty(String collection, JsonNode property) {
        existing(collection).addProperty(property);
    }

    synchronized Map<String, String> tenants(String collection) {
        FakeCollection existing = existing(collection);
        if (!existing.multiTenant()) {
            throw WeaviateError.unprocessable("multi-tenancy is not enabled for class \"" + existing.name() + "\"");
        }
        return new TreeMap<>(existing.tenants());
    }

    synchronized void addTenant(String collection, String tenant, String status) {
        existing(collection).addTenant(tenant, status);
    }

    synchronized void removeTenant(String collection, String tenant) {
        existing(collection).removeTenant(tenant);
    }

    /**
     * Inserts or replaces an object, as one object of a batch; auto-schema (on, as Weaviate's default) creates a missing
     * class with a class-level vector and missing properties with the type of their value.
     *
     * @param vectors vector name as the request gave it ("" for the unnamed vector) to vector
     * @throws WeaviateError with Weaviate's message for this object
     */
    synchronized void put(
            String collectionName,
            String tenant,
            String id,
            Map<String, Object> properties,
            Map<String, float[]> vectors) {
        FakeCollection collection = collections.get(FakeCollection.capitalize(collectionName));
        if (collection == null) {
            collection = FakeCollection.autoSchema(FakeCollection.capitalize(collectionName));
            collections.put(collection.name(), collection);
        }
        String uuid;
        try {
            uuid = UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw WeaviateError.unprocessable("invalid UUID length: " + id.length());
        }
        Map<String, StoredObject> shard = collection.shard(tenant, true);
        if (collection.readOnly()) {
            throw WeaviateError.unprocessable(FakeCollection.READ_ONLY);
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            if (property.getValue() != null) {
                stored.put(property.getKey(), propertyValue(collection, property.getKey(), property.getValue()));
            }
        }
        Map<String, float[]> storedVectors = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> vector : vectors.entrySet()) {
            String name = collection.resolveVector(vector.getKey(), false);
            int existing = FakeCollection.dimension(shard, name);
            if (existing != 0 && existing != vector.getValue().length) {
                String index = name.equals(StoredObject.LEGACY) ? "for " + uuid : name + " for target vector " + uuid;
                throw WeaviateError.unprocessable(
                        "Validate vector index " + index + ": new node has a vector with length "
                                + vector.getValue().length + ". Existing nodes have vectors with length " + existing
                                + ": vector dimensions do not match the index dimensions");
            }
            storedVectors.put(name, vector.getValue().clone());
        }
        shard.put(uuid, new StoredObject(uuid, stored, storedVectors));
    }

    private Object propertyValue(FakeCollection collection, String name, Object value) {
        if (!FakeCollection.PROPERTY_NAME.matcher(name).matches()) {
            throw WeaviateError.unprocessable(
                    "'" + name + "' is not a valid property name. Property names in Weaviate are restricted to"
                            + " valid GraphQL names, which must be \u201c/[_A-Za-z][_0-9A-Za-z]{0,230}/\u201d");
        }
        if (FakeCollection.RESERVED_PROPERTIES.contains(name.toLowerCase(Locale.ROOT))) {
            throw WeaviateError.unprocessable("'" + name + "' is a reserved property name");
        }
        String type = collection.propertyType(name);
        if (type == null) {
            type = autoSchemaType(value);
            collection.addProperty(JsonNodeFactory.instance
                    .objectNode()
                    .put("name", name)
                    .set("dataType", JsonNodeFactory.instance.arrayNode().add(type)));
        }
        String problem = PropertyTypes.problem(type, value);
        if (problem != null) {
            throw WeaviateError.unprocessable("invalid " + PropertyTypes.describe(type) + " property '" + name
                    + "' on class '" + collection.name() + "': " + problem);
        }
        if ("int".equals(type)) {
            return ((Number) value).longValue();
        }
        return value instanceof Number number ? number.doubleValue() : value;
    }

    /** The type auto-schema gives a new property: an empty list is text[], a map an object. */
    private static String autoSchemaType(Object value) {
        if (value instanceof List<?> list) {
            return (list.isEmpty() ? "text" : autoSchemaType(list.get(0))) + "[]";
        }
        return value instanceof String
                ? "text"
                : value instanceof Boolean ? "boolean" : value instanceof Number ? "number" : "object";
    }

    /**
     * The objects of one shard, in id order, with the collection's definition.
     *
     * @param vectorName the vector a search names ("" for none named); null when the request searches no vector
     */
    synchronized ShardView read(String collectionName, String tenant, String vectorName) {
        FakeCollection collection = existing(collectionName);
        List<StoredObject> objects = List.copyOf(collection.shard(tenant, false).values());
        return new ShardView(
                collection.definition(),
                objects,
                vectorName == null ? null : collection.resolveVector(vectorName, true));
    }

    /** The collection's shards and their status (READY, READONLY), as {@code GET /v1/schema/{class}/shards} lists them. */
    synchronized Map<String, String> shards(String collectionName) {
        FakeCollection collection = existing(collectionName);
        return Map.of(collection.shardName(), collection.readOnly() ? "READONLY" : "READY");
    }

    /** Sets a shard's status, as {@code PUT /v1/schema/{class}/shards/{shard}} does. */
    synchronized void shardStatus(String collectionName, String shard, String status) {
        FakeCollection collection = existing(collectionName);
        if (!collection.shardName().equals(shard)
                || !Set.of("READY", "READONLY").contains(status)) {
            throw WeaviateError.unprocessable(
                    "shard " + shard + " of class " + collection.name() + " cannot be set to " + status);
        }
        collection.readOnly(status.equals("READONLY"));
    }

    /**
     * Deletes the shard's objects that match; a read-only shard keeps them, and a class that does not exist has none.
     *
     * @return the ids matched, in id order, and whether they were deleted
     */
    synchronized Deletion delete(String collectionName, String tenant, Predicate<StoredObject> match, boolean dryRun) {
        FakeCollection collection = collections.get(FakeCollection.capitalize(collectionName));
        if (collection == null) {
            return new Deletion(List.of(), false, null);
        }
        Map<String, StoredObject> shard;
        try {
            shard = collection.shard(tenant, false);
        } catch (WeaviateError e) {
            throw WeaviateError.unprocessable("batch delete: cannot find objects: " + e.getMessage());
        }
        List<String> matched = new ArrayList<>();
        for (StoredObject object : shard.values()) {
            if (match.test(object)) {
                matched.add(object.id());
            }
        }
        boolean deleted = !dryRun && !collection.readOnly();
        if (deleted) {
            matched.forEach(shard::remove);
        }
        return new Deletion(matched, deleted, collection.readOnly() && !dryRun ? FakeCollection.READ_ONLY : null);
    }

    /** @param error why the matched objects were not deleted; null when they were or the request was a dry run */
    record Deletion(List<String> matched, boolean deleted, String error) {}

    /** Every object of a collection, tenant ("" without multi-tenancy) to id to object; empty when it does not exist. */
    synchronized Map<String, Map<String, StoredObject>> objects(String collectionName) {
        FakeCollection collection = collections.get(FakeCollection.capitalize(collectionName));
        return collection == null ? Map.of() : collection.shards();
    }

    private FakeCollection existing(String name) {
        FakeCollection collection = collections.get(FakeCollection.capitalize(name));
        if (collection == null) {
            throw WeaviateError.notFound("could not find class " + FakeCollection.capitalize(name) + " in schema");
        }
        return collection;
    }

    /**
     * A consistent snapshot of one shard and its collection's definition.
     *
     * @param vector the stored name of the vector searched, or null
     */
    record ShardView(ObjectNode definition, List<StoredObject> objects, String vector) {}
}
