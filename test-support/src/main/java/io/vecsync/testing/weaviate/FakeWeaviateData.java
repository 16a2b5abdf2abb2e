package io.vecsync.testing.weaviate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The fake's state and Weaviate's rules for it: class definitions, tenants, and objects with their per-object checks
 * (property types, tenant, vector length per shard). REST and gRPC handlers both work on it; every method is atomic.
 */
final class FakeWeaviateData {

    private final Map<String, FakeCollection> collections = new TreeMap<>();
    private volatile boolean autoSchema = true;

    void autoSchema(boolean enabled) {
        autoSchema = enabled;
    }

    synchronized ObjectNode createCollection(JsonNode requested) {
        FakeCollection collection = FakeCollection.create(requested);
        if (collections.containsKey(collection.name())) {
            throw WeaviateError.unprocessable("class name \"" + collection.name() + "\" already exists");
        }
        collections.put(collection.name(), collection);
        return collection.definition();
    }

    synchronized Optional<ObjectNode> definition(String name) {
        return Optional.ofNullable(collections.get(FakeCollection.capitalize(name))).map(FakeCollection::definition);
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
     * Inserts or replaces an object, as one object of a batch.
     *
     * @param vectors vector name as the request gave it ("" for the unnamed vector) to vector
     * @throws WeaviateError with Weaviate's message for this object
     */
    synchronized void put(String collectionName, String tenant, String id, Map<String, Object> properties, Map<String, float[]> vectors) {
        FakeCollection collection = collections.get(FakeCollection.capitalize(collectionName));
        if (collection == null) {
            if (!autoSchema) {
                throw WeaviateError.unprocessable("class \"" + FakeCollection.capitalize(collectionName) + "\" not found in schema");
            }
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
            throw WeaviateError.unprocessable("put object: store is read-only");
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            if (property.getValue() != null) {
                stored.put(property.getKey(), propertyValue(collection, property.getKey(), property.getValue()));
            }
        }
        Map<String, float[]> storedVectors = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> vector : vectors.entrySet()) {
            String name = collection.resolveVector(vector.getKey());
            int existing = FakeCollection.dimension(shard, name);
            if (existing != 0 && existing != vector.getValue().length) {
                throw WeaviateError.unprocessable("insert to vector index: new node has a vector with length " + vector.getValue().length
                        + ". Existing nodes have vectors with length " + existing);
            }
            storedVectors.put(name, vector.getValue().clone());
        }
        shard.put(uuid, new StoredObject(uuid, stored, storedVectors));
    }

    private Object propertyValue(FakeCollection collection, String name, Object value) {
        if (!FakeCollection.PROPERTY_NAME.matcher(name).matches()) {
            throw WeaviateError.unprocessable("'" + name + "' is not a valid property name");
        }
        if (FakeCollection.RESERVED_PROPERTIES.contains(name.toLowerCase(Locale.ROOT))) {
            throw WeaviateError.unprocessable("'" + name + "' is a reserved property name");
        }
        String type = collection.propertyType(name);
        if (type == null) {
            if (!autoSchema) {
                throw WeaviateError.unprocessable("no such prop with name '" + name + "' found in class '" + collection.name()
                        + "' in the schema. Check your schema files for which properties in this class are available");
            }
            type = value instanceof String ? "text" : value instanceof Boolean ? "boolean" : value instanceof Number ? "number" : null;
            if (type == null) {
                throw WeaviateError.unprocessable("property '" + name + "': auto-schema cannot infer a type for " + value.getClass().getSimpleName());
            }
            collection.addProperty(JsonNodeFactory.instance.objectNode().put("name", name).set("dataType",
                    JsonNodeFactory.instance.arrayNode().add(type)));
        }
        String problem = switch (type) {
            case "text" -> value instanceof String ? null : "not a string, but " + goType(value);
            case "number" -> value instanceof Number ? null : "requires a float, the given value is " + goType(value);
            case "int" -> value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                    ? null : "requires an integer, the given value is " + value;
            case "boolean" -> value instanceof Boolean ? null : "not a bool, but " + goType(value);
            case "date" -> isDate(value) ? null : "requires a string with a RFC3339 formatted date, but the given value is " + value;
            case "uuid" -> isUuid(value) ? null : "requires a string of UUID format, but the given value is " + value;
            default -> value instanceof List<?> || !type.endsWith("[]") ? null : "requires an array, the given value is " + value;
        };
        if (problem != null) {
            throw WeaviateError.unprocessable("invalid " + type + " property '" + name + "' on class '" + collection.name() + "': " + problem);
        }
        if ("int".equals(type)) {
            return ((Number) value).longValue();
        }
        return value instanceof Number number ? number.doubleValue() : value;
    }

    private static String goType(Object value) {
        return value instanceof String ? "string" : value instanceof Number ? "float64" : value instanceof Boolean ? "bool" : "object";
    }

    private static boolean isDate(Object value) {
        try {
            return value instanceof String text && OffsetDateTime.parse(text) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isUuid(Object value) {
        try {
            return value instanceof String text && UUID.fromString(text) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The objects of one shard, in id order, with the collection's definition.
     *
     * @param vectorName the vector a search names ("" for none named); null when the request searches no vector
     */
    synchronized ShardView read(String collectionName, String tenant, String vectorName) {
        FakeCollection collection = existing(collectionName);
        List<StoredObject> objects = List.copyOf(collection.shard(tenant, false).values());
        return new ShardView(collection.definition(), objects, vectorName == null ? null : collection.resolveVector(vectorName));
    }

    synchronized void readOnly(String collectionName, boolean readOnly) {
        existing(collectionName).readOnly(readOnly);
    }

    /**
     * Deletes the shard's objects that match; a read-only shard keeps them.
     *
     * @return the ids matched, in id order, and whether they were deleted
     */
    synchronized Deletion delete(String collectionName, String tenant, Predicate<StoredObject> match, boolean dryRun) {
        FakeCollection collection = existing(collectionName);
        Map<String, StoredObject> shard = collection.shard(tenant, false);
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
        return new Deletion(matched, deleted, collection.readOnly() && !dryRun ? "delete object: store is read-only" : null);
    }

    /** @param error why the matched objects were not deleted; null when they were or the request was a dry run */
    record Deletion(List<String> matched, boolean deleted, String error) {
    }

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
    record ShardView(ObjectNode definition, List<StoredObject> objects, String vector) {
    }
}
