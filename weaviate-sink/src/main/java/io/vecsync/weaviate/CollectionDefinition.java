/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * What the sink needs to know of a collection's class definition, whether its vector is a named one (as client6
 * creates it) or the class-level legacy vector (as the platform docs' Python script creates it).
 *
 * @param legacyVector  whether the vector is the class-level one rather than a named one
 * @param vectorName    the name to write and search the vector under; Weaviate takes {@value #DEFAULT_VECTOR} for the
 *                      legacy vector
 * @param vectorizer    the vectorizer module of that vector, {@code none} when the writer supplies vectors
 * @param distance      the vector index's distance metric, e.g. {@code cosine}
 * @param propertyTypes property name to its data type, e.g. {@code text}
 * @param tokenizations text property name to its tokenization, e.g. {@code word}
 */
record CollectionDefinition(
        String name,
        boolean multiTenant,
        boolean legacyVector,
        String vectorName,
        String vectorizer,
        String distance,
        Map<String, String> propertyTypes,
        Map<String, String> tokenizations) {

    static final String DEFAULT_VECTOR = "default";

    CollectionDefinition {
        propertyTypes = Map.copyOf(propertyTypes);
        tokenizations = Map.copyOf(tokenizations);
    }

    /**
     * Whether a filter on the property matches its whole value only. Weaviate compares text by the tokens of the
     * property's tokenization: with {@code field} the value is one token; with {@code word} (its default, and the
     * platform docs') a filter matches every value holding all of its words, in any order and case.
     */
    boolean filtersExactly(String property) {
        return "field".equals(tokenizations.get(property));
    }

    /**
     * @throws ConnectException when the collection has several named vectors and none is {@value #DEFAULT_VECTOR}
     */
    static CollectionDefinition parse(JsonObject definition) {
        String name = definition.get("class").getAsString();
        boolean multiTenant = object(definition, "multiTenancyConfig")
                .map(config -> config.get("enabled"))
                .filter(JsonElement::isJsonPrimitive)
                .map(JsonElement::getAsBoolean)
                .orElse(false);
        Map<String, String> propertyTypes = new LinkedHashMap<>();
        Map<String, String> tokenizations = new LinkedHashMap<>();
        if (definition.has("properties") && definition.get("properties").isJsonArray()) {
            for (JsonElement property : definition.getAsJsonArray("properties")) {
                JsonObject fields = property.getAsJsonObject();
                String propertyName = fields.get("name").getAsString();
                propertyTypes.put(
                        propertyName, fields.getAsJsonArray("dataType").get(0).getAsString());
                JsonElement tokenization = fields.get("tokenization");
                if (tokenization != null && tokenization.isJsonPrimitive()) {
                    tokenizations.put(propertyName, tokenization.getAsString());
                }
            }
        }
        JsonObject named = object(definition, "vectorConfig").orElse(new JsonObject());
        if (named.isEmpty()) {
            return new CollectionDefinition(
                    name,
                    multiTenant,
                    true,
                    DEFAULT_VECTOR,
                    legacyVectorizer(definition),
                    distance(definition),
                    propertyTypes,
                    tokenizations);
        }
        String vectorName = named.size() == 1 ? named.keySet().iterator().next() : DEFAULT_VECTOR;
        if (!named.has(vectorName)) {
            throw new ConnectException("collection " + name + " has the named vectors " + named.keySet()
                    + "; the sink writes one" + " vector, so it needs a collection with one named vector or one named '"
                    + DEFAULT_VECTOR + "'");
        }
        JsonObject vector = named.getAsJsonObject(vectorName);
        JsonElement vectorizer = vector.get("vectorizer");
        String module = vectorizer != null
                        && vectorizer.isJsonObject()
                        && !vectorizer.getAsJsonObject().isEmpty()
                ? vectorizer.getAsJsonObject().keySet().iterator().next()
                : "none";
        return new CollectionDefinition(
                name, multiTenant, false, vectorName, module, distance(vector), propertyTypes, tokenizations);
    }

    private static String legacyVectorizer(JsonObject definition) {
        JsonElement vectorizer = definition.get("vectorizer");
        return vectorizer != null && vectorizer.isJsonPrimitive() ? vectorizer.getAsString() : "none";
    }

    /** Weaviate's default metric is cosine, so a definition that names none has it. */
    private static String distance(JsonObject vector) {
        return object(vector, "vectorIndexConfig")
                .map(config -> config.get("distance"))
                .filter(JsonElement::isJsonPrimitive)
                .map(JsonElement::getAsString)
                .orElse("cosine");
    }

    private static Optional<JsonObject> object(JsonObject parent, String member) {
        JsonElement element = parent.get(member);
        return element != null && element.isJsonObject() ? Optional.of(element.getAsJsonObject()) : Optional.empty();
    }
}
