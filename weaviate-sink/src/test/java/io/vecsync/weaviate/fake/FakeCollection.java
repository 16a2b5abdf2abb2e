/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One collection of the fake: its class definition as {@code GET /v1/schema/{class}} returns it (with the defaults
 * Weaviate fills in), its tenants, and its objects per shard (per tenant, or one shard when multi-tenancy is off).
 */
final class FakeCollection {

    static final Pattern CLASS_NAME = Pattern.compile("[A-Z][_0-9A-Za-z]{0,254}");
    static final Pattern PROPERTY_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,230}");
    static final Pattern TENANT_NAME = Pattern.compile("[A-Za-z0-9\\-_]{1,64}");
    static final Set<String> RESERVED_PROPERTIES = Set.of("_additional", "_id", "id");
    static final Set<String> DISTANCES = Set.of("cosine", "dot", "l2-squared", "manhattan", "hamming");
    /** The name Weaviate also accepts for a collection's legacy vector, so named-vector clients can write it. */
    static final String DEFAULT_VECTOR = "default";
    /** Why Weaviate refuses writes to a shard set READONLY by hand. */
    static final String READ_ONLY = "store is read-only due to: manually set by user";

    private static final String SINGLE_SHARD = "";

    private final ObjectNode definition;
    /** Tenant name to activity status (ACTIVE, INACTIVE). */
    private final Map<String, String> tenants = new TreeMap<>();

    private final Map<String, Map<String, StoredObject>> shards = new HashMap<>();
    private boolean readOnly;

    private FakeCollection(ObjectNode definition) {
        this.definition = definition;
    }

    /** Validates a class definition and fills in Weaviate's defaults. */
    static FakeCollection create(JsonNode requested) {
        if (!(requested instanceof ObjectNode source) || !source.path("class").isTextual()) {
            throw WeaviateError.unprocessable("class name is required");
        }
        ObjectNode definition = source.deepCopy();
        String name = capitalize(definition.get("class").asText());
        if (!CLASS_NAME.matcher(name).matches()) {
            throw WeaviateError.unprocessable("'" + name + "' is not a valid class name");
        }
        definition.put("class", name);
        ArrayNode properties = definition.withArray("properties");
        for (JsonNode property : properties) {
            normalizeProperty(name, (ObjectNode) property);
        }
        ObjectNode vectorConfig = definition.path("vectorConfig") instanceof ObjectNode named ? named : null;
        if (vectorConfig != null && !vectorConfig.isEmpty()) {
            if (definition.has("vectorIndexConfig")
                    || (definition.path("vectorizer").isTextual()
                            && !"none".equals(definition.get("vectorizer").asText()))) {
                throw WeaviateError.unprocessable(
                        "class " + name + " mixes a class-level vector index with named vectors");
            }
            vectorConfig
                    .properties()
                    .forEach(entry -> normalizeNamedVector(name, entry.getKey(), (ObjectNode) entry.getValue()));
            // Weaviate answers its maps with their keys in order, as Go's JSON encoder writes them.
            definition.set(
                    "vectorConfig",
                    JsonNodeFactory.instance
                            .objectNode()
                            .setAll(new TreeMap<>(vectorConfig.properties().stream()
                                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))));
        } else {
            definition.remove("vectorConfig");
            if (!definition.path("vectorizer").isTextual()) {
                definition.put("vectorizer", "none");
            }
            if (!definition.path("vectorIndexType").isTextual()) {
                definition.put("vectorIndexType", "hnsw");
            }
            normalizeIndexConfig(name, definition.withObjectProperty("vectorIndexConfig"));
        }
        ObjectNode multiTenancy = definition.withObjectProperty("multiTenancyConfig");
        for (String flag : List.of("enabled", "autoTenantCreation", "autoTenantActivation")) {
            if (!multiTenancy.path(flag).isBoolean()) {
                multiTenancy.put(flag, false);
            }
        }
        definition
                .withObjectProperty("replicationConfig")
                .put(
                        "factor",
                        definition.path("replicationConfig").path("factor").asInt(1));
        return new FakeCollection(definition);
    }

    /** The definition auto-schema gives a class that an insert names before anyone created it: a class-level vector. */
    static FakeCollection autoSchema(String name) {
        return create(JsonNodeFactory.instance.objectNode().put("class", name));
    }

    private static void normalizeProperty(String className, ObjectNode property) {
        String propertyName = property.path("name").asText("");
        if (!PROPERTY_NAME.matcher(propertyName).matches()) {
            throw WeaviateError.unprocessable("'" + propertyName + "' is not a valid property name");
        }
        if (RESERVED_PROPERTIES.contains(propertyName.toLowerCase(Locale.ROOT))) {
            throw WeaviateError.unprocessable("'" + propertyName + "' is a reserved property name");
        }
        if (!property.path("dataType").isArray() || property.get("dataType").isEmpty()) {
            throw WeaviateError.unprocessable(
                    "property '" + propertyName + "' of class " + className + " has no dataType");
        }
        boolean text = property.get("dataType").get(0).asText().matches("text(\\[])?");
        if (text && !property.has("tokenization")) {
            property.put("tokenization", "word");
        }
        if (!property.has("indexFilterable")) {
            property.put("indexFilterable", true);
        }
        if (!property.has("indexSearchable")) {
            property.put("indexSearchable", text);
        }
    }

    private static void normalizeNamedVector(String className, String vectorName, ObjectNode vector) {
        if (!(vector.path("vectorizer") instanceof ObjectNode vectorizer) || vectorizer.size() != 1) {
            throw WeaviateError.unprocessable(
                    "class " + className + ": vector '" + vectorName + "' needs exactly one vectorizer module");
        }
        String indexType = vector.path("vectorIndexType").asText("");
        if (!Set.of("hnsw", "flat", "dynamic").contains(indexType)) {
            throw WeaviateError.unprocessable("target vector \"" + vectorName
                    + "\": unrecognized or unsupported vectorIndexType \"" + indexType + "\"");
        }
        normalizeIndexConfig(className, vector.withObjectProperty("vectorIndexConfig"));
    }

    private static void normalizeIndexConfig(String className, ObjectNode indexConfig) {
        String distance = indexConfig.path("distance").asText("cosine");
        if (!DISTANCES.contains(distance)) {
            throw WeaviateError.unprocessable(
                    "class " + className + ": invalid distance '" + distance + "', must be one of " + DISTANCES);
        }
        indexConfig.put("distance", distance);
    }

    static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    String name() {
        return definition.get("class").asText();
    }

    ObjectNode definition() {
        return definition.deepCopy();
    }

    boolean multiTenant() {
        return definition.path("multiTenancyConfig").path("enabled").asBoolean();
    }

    boolean autoTenantCreation() {
        return definition.path("multiTenancyConfig").path("autoTenantCreation").asBoolean();
    }

    /** Whether the class has a class-level (legacy, unnamed) vector index instead of named vectors. */
    boolean legacyVector() {
        return !definition.has("vectorConfig");
    }

    /** The distance metric of a vector in a class definition: {@link StoredObject#LEGACY} for the legacy one. */
    static String distance(JsonNode definition, String vectorName) {
        JsonNode vector = vectorName.equals(StoredObject.LEGACY)
                ? definition
                : definition.path("vectorConfig").path(vectorName);
        return vector.path("vectorIndexConfig").path("distance").asText("cosine");
    }

    /**
     * The stored name of a vector a request names: a collection with exactly one named vector takes an unnamed one as
     * that; the legacy vector answers to "", and to "default" in writes only — a search must leave it unnamed.
     */
    String resolveVector(String requested, boolean search) {
        if (legacyVector() && (requested.isEmpty() || (requested.equals(DEFAULT_VECTOR) && !search))) {
            return StoredObject.LEGACY;
        }
        List<String> named = new ArrayList<>();
        definition.path("vectorConfig").fieldNames().forEachRemaining(named::add);
        if (requested.isEmpty() && named.size() == 1) {
            return named.get(0);
        }
        if (!named.contains(requested)) {
            throw WeaviateError.unprocessable(
                    search
                            ? "extract target vectors: class " + name() + " does not have named vector " + requested
                                    + " configured. Available named vectors [" + String.join(" ", named) + "]"
                            : "collection " + name() + " does not have configuration for vector " + requested);
        }
        return requested;
    }

    /** A property's first data type, e.g. {@code text}; null when the class has no such property. */
    String propertyType(String propertyName) {
        return propertyType(definition, propertyName);
    }

    static String propertyType(JsonNode definition, String propertyName) {
        for (JsonNode property : definition.path("properties")) {
            if (property.get("name").asText().equals(propertyName)) {
                return property.get("dataType").get(0).asText();
            }
        }
        return null;
    }

    void addProperty(JsonNode property) {
        if (!(property instanceof ObjectNode added)) {
            throw WeaviateError.unprocessable("a property must be a JSON object");
        }
        ObjectNode copy = added.deepCopy();
        normalizeProperty(name(), copy);
        if (propertyType(copy.get("name").asText()) != null) {
            throw WeaviateError.unprocessable("class \"" + name() + "\": conflict for property \""
                    + copy.get("name").asText() + "\": already in use or provided multiple times");
        }
        definition.withArray("properties").add(copy);
    }

    /** The name of the collection's one shard without multi-tenancy: Weaviate's are random, this one is fixed. */
    String shardName() {
        return name().toLowerCase(Locale.ROOT) + "_shard";
    }

    /** A READONLY shard status, set by hand or by Weaviate when the disk fills up: writes fail object by object. */
    boolean readOnly() {
        return readOnly;
    }

    void readOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    Map<String, String> tenants() {
        return tenants;
    }

    /** The shard a request with this tenant reads and writes, refusing the tenant as Weaviate does. */
    Map<String, StoredObject> shard(String tenant, boolean creating) {
        if (!multiTenant()) {
            if (!tenant.isEmpty()) {
                throw WeaviateError.unprocessable(
                        "class " + name() + " has multi-tenancy disabled, but request was with tenant");
            }
            return shards.computeIfAbsent(SINGLE_SHARD, none -> new TreeMap<>());
        }
        if (tenant.isEmpty()) {
            throw WeaviateError.unprocessable(
                    "class " + name() + " has multi-tenancy enabled, but request was without tenant");
        }
        if (!tenants.containsKey(tenant)) {
            if (!creating || !autoTenantCreation()) {
                throw WeaviateError.unprocessable("tenant not found: \"" + tenant + "\"");
            }
            tenants.put(tenant, "ACTIVE");
        }
        if (!"ACTIVE".equals(tenants.get(tenant))) {
            throw WeaviateError.unprocessable("tenant not active: '" + tenant + "'");
        }
        return shards.computeIfAbsent(tenant, name -> new TreeMap<>());
    }

    void addTenant(String tenant, String status) {
        if (!multiTenant()) {
            throw WeaviateError.unprocessable("multi-tenancy is not enabled for class \"" + name() + "\"");
        }
        if (!TENANT_NAME.matcher(tenant).matches()) {
            throw WeaviateError.unprocessable(
                    "tenant name \"" + tenant + "\" is invalid: use 1-64 letters, digits, - or _");
        }
        tenants.put(tenant, status);
    }

    void removeTenant(String tenant) {
        tenants.remove(tenant);
        shards.remove(tenant);
    }

    /** Every object of every shard, for tests: tenant ("" without multi-tenancy) to id to object. */
    Map<String, Map<String, StoredObject>> shards() {
        Map<String, Map<String, StoredObject>> copy = new LinkedHashMap<>();
        shards.forEach((tenant, objects) -> copy.put(tenant, Map.copyOf(objects)));
        return copy;
    }

    /** The length of the vectors the shard's index holds under this name, or 0 when it holds none yet. */
    static int dimension(Map<String, StoredObject> shard, String vectorName) {
        for (StoredObject object : shard.values()) {
            float[] vector = object.vectors().get(vectorName);
            if (vector != null) {
                return vector.length;
            }
        }
        return 0;
    }
}
