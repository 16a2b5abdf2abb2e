/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone.fake;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import io.pinecone.proto.DeleteRequest;
import io.pinecone.proto.DescribeIndexStatsRequest;
import io.pinecone.proto.DescribeIndexStatsResponse;
import io.pinecone.proto.FetchRequest;
import io.pinecone.proto.FetchResponse;
import io.pinecone.proto.ListItem;
import io.pinecone.proto.ListRequest;
import io.pinecone.proto.ListResponse;
import io.pinecone.proto.NamespaceSummary;
import io.pinecone.proto.Pagination;
import io.pinecone.proto.QueryRequest;
import io.pinecone.proto.QueryResponse;
import io.pinecone.proto.ScoredVector;
import io.pinecone.proto.UpsertRequest;
import io.pinecone.proto.Vector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One serverless index of the fake: its description, its namespaces of vectors, and the data-plane semantics and
 * limits of Pinecone's VectorService. Every method is atomic: a request that breaks a limit changes nothing.
 */
public final class FakeIndex {

    /** Pinecone's limits: vectors per upsert, bytes per request ("2 MB", read strictly), ids per delete or fetch. */
    public static final int MAX_UPSERT_VECTORS = 1000;

    public static final int MAX_REQUEST_BYTES = 2_000_000;
    public static final int MAX_IDS = 1000;
    public static final int MAX_METADATA_BYTES = 40 * 1024;
    public static final int MAX_TOP_K = 10_000;
    public static final int MAX_ID_LENGTH = 512;

    private final String name;
    private final int dimension;
    private final String metric;
    private final String cloud;
    private final String region;
    private final Map<String, Map<String, Vector>> namespaces = new HashMap<>();
    private final List<UpsertCall> upserts = new CopyOnWriteArrayList<>();
    private final List<Integer> deletes = new CopyOnWriteArrayList<>();
    private String host;
    private int describesUntilReady;

    /** One upsert request as the index received it. */
    public record UpsertCall(String namespace, int vectors, int bytes) {}

    /** A stored vector with its metadata as Java values: String, Double, Boolean or a List of Strings. */
    public record FakeVector(String id, float[] values, Map<String, Object> metadata) {}

    FakeIndex(String name, int dimension, String metric, String cloud, String region, int describesUntilReady) {
        this.name = name;
        this.dimension = dimension;
        this.metric = metric;
        this.cloud = cloud;
        this.region = region;
        this.describesUntilReady = describesUntilReady;
    }

    public String name() {
        return name;
    }

    public int dimension() {
        return dimension;
    }

    public String metric() {
        return metric;
    }

    public String cloud() {
        return cloud;
    }

    public String region() {
        return region;
    }

    /** The data-plane host, as the control plane reports it: host:port, no scheme. */
    public synchronized String host() {
        return host;
    }

    /** Where the control plane says the data plane is, e.g. a fault proxy in front of it. */
    public synchronized void host(String host) {
        this.host = host;
    }

    /** Counts a describe; the index reports ready once enough describes have seen it initializing. */
    synchronized boolean describedReady() {
        if (describesUntilReady > 0) {
            describesUntilReady--;
            return false;
        }
        return true;
    }

    /** Until it is ready, an index's data plane refuses calls as unavailable. */
    synchronized void requireReady() {
        if (describesUntilReady > 0) {
            throw Status.UNAVAILABLE
                    .withDescription("Index " + name + " is not ready")
                    .asRuntimeException();
        }
    }

    public synchronized Set<String> namespaces() {
        return Set.copyOf(namespaces.keySet());
    }

    /** Every vector of a namespace ("" is the default one), by id. */
    public synchronized Map<String, FakeVector> vectors(String namespace) {
        Map<String, FakeVector> vectors = new TreeMap<>();
        namespaces.getOrDefault(namespace, Map.of()).forEach((id, vector) -> vectors.put(id, toFake(vector)));
        return vectors;
    }

    /** Every upsert request received, in order. */
    public List<UpsertCall> upserts() {
        return List.copyOf(upserts);
    }

    /** The number of ids of every delete request received, in order. */
    public List<Integer> deletes() {
        return List.copyOf(deletes);
    }

    synchronized int upsert(UpsertRequest request) {
        int bytes = request.getSerializedSize();
        if (request.getVectorsCount() > MAX_UPSERT_VECTORS) {
            throw invalid("Upsert request has " + request.getVectorsCount() + " vectors; the maximum is "
                    + MAX_UPSERT_VECTORS);
        }
        if (bytes > MAX_REQUEST_BYTES) {
            throw invalid(
                    "Your request is larger than the maximum supported size - 2MB. Please try to reduce your batch size.");
        }
        for (Vector vector : request.getVectorsList()) {
            validate(vector);
        }
        Map<String, Vector> target = namespaces.computeIfAbsent(request.getNamespace(), namespace -> new HashMap<>());
        request.getVectorsList().forEach(vector -> target.put(vector.getId(), vector));
        upserts.add(new UpsertCall(request.getNamespace(), request.getVectorsCount(), bytes));
        return request.getVectorsCount();
    }

    private void validate(Vector vector) {
        if (vector.getId().isEmpty() || vector.getId().length() > MAX_ID_LENGTH) {
            throw invalid("Vector ID must be between 1 and " + MAX_ID_LENGTH + " characters");
        }
        if (vector.getValuesCount() != dimension) {
            throw invalid("Vector dimension " + vector.getValuesCount() + " does not match the dimension of the index "
                    + dimension);
        }
        if (vector.getValuesList().stream().allMatch(value -> value == 0f)) {
            throw invalid("Dense vectors must contain at least one non-zero value");
        }
        for (Map.Entry<String, Value> field :
                vector.getMetadata().getFieldsMap().entrySet()) {
            Value value = field.getValue();
            boolean scalar = value.hasStringValue() || value.hasNumberValue() || value.hasBoolValue();
            boolean strings = value.hasListValue()
                    && value.getListValue().getValuesList().stream().allMatch(Value::hasStringValue);
            if (!scalar && !strings) {
                throw invalid("Metadata value for field '" + field.getKey()
                        + "' must be a string, number, boolean or list of" + " strings, got " + value.getKindCase());
            }
        }
        int metadataBytes = jsonBytes(vector.getMetadata());
        if (metadataBytes > MAX_METADATA_BYTES) {
            throw invalid("Metadata size is " + metadataBytes + " bytes, which exceeds the limit of "
                    + MAX_METADATA_BYTES + " bytes per vector");
        }
    }

    /** A delete in a namespace that does not exist is NOT_FOUND on a serverless index; missing ids in one that does are not. */
    synchronized void delete(DeleteRequest request) {
        if (request.getIdsCount() > MAX_IDS) {
            throw invalid("Delete request has " + request.getIdsCount() + " ids; the maximum is " + MAX_IDS);
        }
        Map<String, Vector> target = namespaces.get(request.getNamespace());
        if (target == null) {
            throw Status.NOT_FOUND.withDescription("Namespace not found").asRuntimeException();
        }
        if (request.getDeleteAll()) {
            target.clear();
        } else if (request.hasFilter()) {
            MetadataFilter filter = new MetadataFilter(request.getFilter());
            target.values().removeIf(vector -> filter.matches(vector.getMetadata()));
        } else {
            request.getIdsList().forEach(target::remove);
        }
        deletes.add(request.getIdsCount());
    }

    synchronized QueryResponse query(QueryRequest request) {
        if (request.getTopK() < 1 || request.getTopK() > MAX_TOP_K) {
            throw invalid("top_k must be between 1 and " + MAX_TOP_K);
        }
        Map<String, Vector> source = namespaces.getOrDefault(request.getNamespace(), Map.of());
        List<Float> query;
        if (!request.getId().isEmpty()) {
            Vector byId = source.get(request.getId());
            if (byId == null) {
                return QueryResponse.newBuilder()
                        .setNamespace(request.getNamespace())
                        .build();
            }
            query = byId.getValuesList();
        } else {
            query = request.getVectorList();
            if (query.size() != dimension) {
                throw invalid("Query vector dimension " + query.size() + " does not match the dimension of the index "
                        + dimension);
            }
        }
        MetadataFilter filter = request.hasFilter() ? new MetadataFilter(request.getFilter()) : null;
        boolean ascending = metric.equals("euclidean");
        List<ScoredVector> matches = new ArrayList<>();
        for (Vector vector : source.values()) {
            if (filter == null || filter.matches(vector.getMetadata())) {
                ScoredVector.Builder match =
                        ScoredVector.newBuilder().setId(vector.getId()).setScore(score(query, vector.getValuesList()));
                if (request.getIncludeValues()) {
                    match.addAllValues(vector.getValuesList());
                }
                if (request.getIncludeMetadata() && vector.hasMetadata()) {
                    match.setMetadata(vector.getMetadata());
                }
                matches.add(match.build());
            }
        }
        Comparator<ScoredVector> byScore = Comparator.comparingDouble(ScoredVector::getScore);
        matches.sort(ascending ? byScore : byScore.reversed());
        return QueryResponse.newBuilder()
                .setNamespace(request.getNamespace())
                .addAllMatches(matches.subList(0, Math.min(request.getTopK(), matches.size())))
                .build();
    }

    /** Pinecone's scores: cosine similarity, the dot product, or the squared Euclidean distance (lower is closer). */
    private float score(List<Float> a, List<Float> b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        double squares = 0;
        for (int i = 0; i < a.size(); i++) {
            double x = a.get(i);
            double y = b.get(i);
            dot += x * y;
            na += x * x;
            nb += y * y;
            squares += (x - y) * (x - y);
        }
        return (float)
                switch (metric) {
                    case "dotproduct" -> dot;
                    case "euclidean" -> squares;
                    default -> dot / Math.sqrt(na * nb);
                };
    }

    synchronized FetchResponse fetch(FetchRequest request) {
        if (request.getIdsCount() > MAX_IDS) {
            throw invalid("Fetch request has " + request.getIdsCount() + " ids; the maximum is " + MAX_IDS);
        }
        Map<String, Vector> source = namespaces.getOrDefault(request.getNamespace(), Map.of());
        FetchResponse.Builder response = FetchResponse.newBuilder().setNamespace(request.getNamespace());
        for (String id : request.getIdsList()) {
            Vector vector = source.get(id);
            if (vector != null) {
                response.putVectors(id, vector);
            }
        }
        return response.build();
    }

    /** Ids in order, from after the pagination token, at most limit (default 100) of them. */
    synchronized ListResponse list(ListRequest request) {
        int limit = request.hasLimit() ? request.getLimit() : 100;
        if (limit < 1 || limit > 100) {
            throw invalid("limit must be between 1 and 100");
        }
        TreeSet<String> ids = new TreeSet<>(
                namespaces.getOrDefault(request.getNamespace(), Map.of()).keySet());
        List<String> page = new ArrayList<>();
        for (String id : request.hasPaginationToken() ? ids.tailSet(request.getPaginationToken(), false) : ids) {
            if (id.startsWith(request.getPrefix())) {
                page.add(id);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        ListResponse.Builder response = ListResponse.newBuilder().setNamespace(request.getNamespace());
        page.forEach(id -> response.addVectors(ListItem.newBuilder().setId(id)));
        if (page.size() == limit
                && !ids.tailSet(page.get(page.size() - 1), false).isEmpty()) {
            response.setPagination(Pagination.newBuilder().setNext(page.get(page.size() - 1)));
        }
        return response.build();
    }

    synchronized DescribeIndexStatsResponse stats(DescribeIndexStatsRequest request) {
        MetadataFilter filter = request.hasFilter() ? new MetadataFilter(request.getFilter()) : null;
        DescribeIndexStatsResponse.Builder response = DescribeIndexStatsResponse.newBuilder()
                .setDimension(dimension)
                .setMetric(metric)
                .setVectorType("dense");
        int total = 0;
        for (Map.Entry<String, Map<String, Vector>> namespace : namespaces.entrySet()) {
            int count = (int) namespace.getValue().values().stream()
                    .filter(v -> filter == null || filter.matches(v.getMetadata()))
                    .count();
            // Newer API versions' stats name the default namespace, "" to the other calls, "__default__".
            response.putNamespaces(
                    namespace.getKey().isEmpty() ? "__default__" : namespace.getKey(),
                    NamespaceSummary.newBuilder().setVectorCount(count).build());
            total += count;
        }
        return response.setTotalVectorCount(total).build();
    }

    private static FakeVector toFake(Vector vector) {
        float[] values = new float[vector.getValuesCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = vector.getValues(i);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        vector.getMetadata()
                .getFieldsMap()
                .forEach((key, value) -> metadata.put(
                        key,
                        switch (value.getKindCase()) {
                            case NUMBER_VALUE -> value.getNumberValue();
                            case BOOL_VALUE -> value.getBoolValue();
                            case LIST_VALUE ->
                                value.getListValue().getValuesList().stream()
                                        .map(Value::getStringValue)
                                        .toList();
                            default -> value.getStringValue();
                        }));
        return new FakeVector(vector.getId(), values, Collections.unmodifiableMap(metadata));
    }

    /** Metadata's size as Pinecone counts it: its compact JSON text. */
    private static int jsonBytes(Struct metadata) {
        int bytes = 2;
        for (Map.Entry<String, Value> field : metadata.getFieldsMap().entrySet()) {
            bytes += field.getKey().getBytes(StandardCharsets.UTF_8).length + 4 + jsonBytes(field.getValue());
        }
        return bytes;
    }

    private static int jsonBytes(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> value.getStringValue().getBytes(StandardCharsets.UTF_8).length + 2;
            case NUMBER_VALUE -> Double.toString(value.getNumberValue()).length();
            case BOOL_VALUE -> value.getBoolValue() ? 4 : 5;
            case LIST_VALUE ->
                2
                        + value.getListValue().getValuesList().stream()
                                .mapToInt(element -> jsonBytes(element) + 1)
                                .sum();
            default -> 4;
        };
    }

    private static RuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }
}
