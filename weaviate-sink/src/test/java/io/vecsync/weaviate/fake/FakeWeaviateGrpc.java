/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateGrpc;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoAggregate.AggregateReply;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoAggregate.AggregateRequest;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoBase;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoBaseSearch.NearVector;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoBatch.BatchObject;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoBatch.BatchObjectsReply;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoBatch.BatchObjectsRequest;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoBatchDelete.BatchDeleteObject;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoBatchDelete.BatchDeleteReply;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoBatchDelete.BatchDeleteRequest;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoProperties;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoSearchGet.MetadataRequest;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoSearchGet.MetadataResult;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoSearchGet.PropertiesResult;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoSearchGet.SearchReply;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoSearchGet.SearchRequest;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoSearchGet.SearchResult;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoTenants.Tenant;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoTenants.TenantActivityStatus;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoTenants.TenantsGetReply;
import io.weaviate.client6.v1.internal.grpc.protocol.WeaviateProtoTenants.TenantsGetRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Weaviate's gRPC service ({@code weaviate.v1.Weaviate}): BatchObjects with per-object errors, BatchDelete by filter,
 * Search (near-vector by the collection's distance metric, filters, fetch with an {@code after} cursor), Aggregate
 * (the objects count) and TenantsGet, behind Weaviate's bearer API-key check.
 */
final class FakeWeaviateGrpc extends WeaviateGrpc.WeaviateImplBase implements AutoCloseable {

    /** What Weaviate returns when a search sets no limit (QUERY_DEFAULTS_LIMIT). */
    private static final int DEFAULT_LIMIT = 10;

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final FakeWeaviateData data;
    private final Faults faults;
    private final Server server;

    /** @param maxMessageSize the largest request it takes, as Weaviate's GRPC_MAX_MESSAGE_SIZE */
    FakeWeaviateGrpc(FakeWeaviateData data, Faults faults, String apiKey, int maxMessageSize) {
        this.data = data;
        this.faults = faults;
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .maxInboundMessageSize(maxMessageSize)
                    .addService(ServerInterceptors.intercept(this, authentication(apiKey)))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    private static ServerInterceptor authentication(String apiKey) {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                String authorization = headers.get(AUTHORIZATION);
                if (apiKey != null && !("Bearer " + apiKey).equals(authorization)) {
                    call.close(
                            Status.UNAUTHENTICATED.withDescription(
                                    authorization == null
                                            ? "anonymous access not enabled, please provide an auth scheme such as OIDC"
                                            : "invalid api key: key not found"),
                            new Metadata());
                    return new ServerCall.Listener<>() {};
                }
                return next.startCall(call, headers);
            }
        };
    }

    /** Answers with the injected failure, Weaviate's error, or the reply, after an injected delay. */
    private <T> void answer(String method, StreamObserver<T> observer, Supplier<T> reply) {
        Status.Code injected = faults.grpcFailure(method);
        faults.grpcDelay(method);
        if (injected != null) {
            observer.onError(Status.fromCode(injected)
                    .withDescription("injected failure")
                    .asRuntimeException());
            return;
        }
        T result;
        try {
            result = reply.get();
        } catch (WeaviateError e) {
            observer.onError(Status.fromCode(e.grpcCode())
                    .withDescription(e.getMessage())
                    .asRuntimeException());
            return;
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        }
        observer.onNext(result);
        observer.onCompleted();
    }

    @Override
    public void batchObjects(BatchObjectsRequest request, StreamObserver<BatchObjectsReply> observer) {
        answer("BatchObjects", observer, () -> {
            long start = System.nanoTime();
            BatchObjectsReply.Builder reply = BatchObjectsReply.newBuilder();
            for (int i = 0; i < request.getObjectsCount(); i++) {
                BatchObject object = request.getObjects(i);
                try {
                    data.put(
                            object.getCollection(),
                            object.getTenant(),
                            object.getUuid(),
                            properties(object),
                            vectors(object));
                } catch (WeaviateError e) {
                    reply.addErrors(BatchObjectsReply.BatchError.newBuilder()
                            .setIndex(i)
                            .setError(e.getMessage()));
                }
            }
            return reply.setTook(seconds(start)).build();
        });
    }

    private static Map<String, Object> properties(BatchObject object) {
        Map<String, Object> properties = new LinkedHashMap<>();
        BatchObject.Properties given = object.getProperties();
        given.getNonRefProperties().getFieldsMap().forEach((name, value) -> properties.put(name, plain(value)));
        given.getTextArrayPropertiesList()
                .forEach(p -> properties.put(p.getPropName(), List.copyOf(p.getValuesList())));
        given.getIntArrayPropertiesList().forEach(p -> properties.put(p.getPropName(), List.copyOf(p.getValuesList())));
        given.getBooleanArrayPropertiesList()
                .forEach(p -> properties.put(p.getPropName(), List.copyOf(p.getValuesList())));
        given.getNumberArrayPropertiesList().forEach(p -> properties.put(p.getPropName(), doubles(p.getValuesBytes())));
        return properties;
    }

    private static Object plain(Value value) {
        return switch (value.getKindCase()) {
            case STRING_VALUE -> value.getStringValue();
            case NUMBER_VALUE -> value.getNumberValue();
            case BOOL_VALUE -> value.getBoolValue();
            case LIST_VALUE ->
                value.getListValue().getValuesList().stream()
                        .map(FakeWeaviateGrpc::plain)
                        .toList();
            case STRUCT_VALUE -> structToMap(value.getStructValue());
            default -> null;
        };
    }

    private static Map<String, Object> structToMap(Struct struct) {
        Map<String, Object> map = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((name, value) -> map.put(name, plain(value)));
        return map;
    }

    private static Map<String, float[]> vectors(BatchObject object) {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        if (!object.getVectorBytes().isEmpty()) {
            vectors.put("", decode(object.getVectorBytes()));
        }
        for (WeaviateProtoBase.Vectors vector : object.getVectorsList()) {
            if (vector.getType() == WeaviateProtoBase.Vectors.VectorType.VECTOR_TYPE_MULTI_FP32) {
                throw WeaviateError.unprocessable("the fake Weaviate keeps no multi-vectors");
            }
            vectors.put(vector.getName(), decode(vector.getVectorBytes()));
        }
        return vectors;
    }

    @Override
    public void batchDelete(BatchDeleteRequest request, StreamObserver<BatchDeleteReply> observer) {
        answer("BatchDelete", observer, () -> {
            long start = System.nanoTime();
            if (!request.hasFilters()) {
                throw WeaviateError.unprocessable("batch delete needs a filter");
            }
            JsonNode definition = data.definition(request.getCollection())
                    .map(JsonNode.class::cast)
                    .orElse(NullNode.getInstance());
            Predicate<StoredObject> match = WhereFilters.predicate(request.getFilters(), definition);
            FakeWeaviateData.Deletion deletion =
                    data.delete(request.getCollection(), request.getTenant(), match, request.getDryRun());
            int matches = deletion.matched().size();
            BatchDeleteReply.Builder reply = BatchDeleteReply.newBuilder()
                    .setMatches(matches)
                    .setTook(seconds(start))
                    .setSuccessful(deletion.deleted() ? matches : 0)
                    .setFailed(deletion.error() != null ? matches : 0);
            if (request.getVerbose()) {
                for (String id : deletion.matched()) {
                    BatchDeleteObject.Builder object = BatchDeleteObject.newBuilder()
                            .setUuid(uuidBytes(id))
                            .setSuccessful(deletion.deleted());
                    if (deletion.error() != null) {
                        object.setError(deletion.error());
                    }
                    reply.addObjects(object);
                }
            }
            return reply.build();
        });
    }

    @Override
    public void search(SearchRequest request, StreamObserver<SearchReply> observer) {
        answer("Search", observer, () -> {
            long start = System.nanoTime();
            boolean nearVector = request.hasNearVector();
            FakeWeaviateData.ShardView view = data.read(
                    request.getCollection(),
                    request.getTenant(),
                    nearVector ? targetVector(request.getNearVector()) : null);
            Predicate<StoredObject> filter =
                    request.hasFilters() ? WhereFilters.predicate(request.getFilters(), view.definition()) : o -> true;
            List<Hit> hits = new ArrayList<>();
            if (nearVector) {
                float[] query = queryVector(request.getNearVector());
                String metric = FakeCollection.distance(view.definition(), view.vector());
                for (StoredObject object : view.objects()) {
                    float[] stored = object.vectors().get(view.vector());
                    if (stored != null && filter.test(object)) {
                        if (stored.length != query.length) {
                            throw WeaviateError.unprocessable(
                                    "vector search: knn search: distance between entrypoint and query node: "
                                            + "vector lengths don't match: " + stored.length + " vs " + query.length);
                        }
                        hits.add(new Hit(object, distance(metric, query, stored)));
                    }
                }
                NearVector near = request.getNearVector();
                hits.removeIf(hit -> (near.hasDistance() && hit.distance() > near.getDistance())
                        || (near.hasCertainty() && 1 - hit.distance() / 2 < near.getCertainty()));
                hits.sort(Comparator.comparingDouble(Hit::distance)
                        .thenComparing(hit -> hit.object().id()));
            } else {
                for (StoredObject object : view.objects()) {
                    if (filter.test(object)
                            && (request.getAfter().isEmpty() || object.id().compareTo(request.getAfter()) > 0)) {
                        hits.add(new Hit(object, Float.NaN));
                    }
                }
            }
            int limit = request.getLimit() == 0 ? DEFAULT_LIMIT : request.getLimit();
            SearchReply.Builder reply = SearchReply.newBuilder();
            hits.stream()
                    .skip(request.getOffset())
                    .limit(limit)
                    .forEach(hit -> reply.addResults(result(request, view, hit)));
            return reply.setTook(seconds(start)).build();
        });
    }

    private record Hit(StoredObject object, float distance) {}

    /** The vector a near-vector search names, "" when it names none. */
    private static String targetVector(NearVector near) {
        if (near.getVectorsCount() > 0 && !near.getVectors(0).getName().isEmpty()) {
            return near.getVectors(0).getName();
        }
        if (near.getVectorForTargetsCount() > 0) {
            return near.getVectorForTargets(0).getName();
        }
        if (near.hasTargets() && near.getTargets().getTargetVectorsCount() > 0) {
            return near.getTargets().getTargetVectors(0);
        }
        return "";
    }

    /** The query vector, from the fields client6 fills; older clients' deprecated fields are not read. */
    private static float[] queryVector(NearVector near) {
        if (near.getVectorsCount() > 0) {
            return decode(near.getVectors(0).getVectorBytes());
        }
        if (near.getVectorForTargetsCount() > 0 && near.getVectorForTargets(0).getVectorsCount() > 0) {
            return decode(near.getVectorForTargets(0).getVectors(0).getVectorBytes());
        }
        throw WeaviateError.unprocessable("near vector search without a vector in 'vectors' or 'vector_for_targets'");
    }

    /** Weaviate's distances; cosine compares the normalized vectors, as Weaviate stores them for that metric. */
    private static float distance(String metric, float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        double squares = 0;
        double manhattan = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
            squares += (double) (a[i] - b[i]) * (a[i] - b[i]);
            manhattan += Math.abs(a[i] - b[i]);
        }
        return (float)
                switch (metric) {
                    case "cosine" -> 1 - dot / Math.sqrt(normA * normB);
                    case "dot" -> -dot;
                    case "l2-squared" -> squares;
                    case "manhattan" -> manhattan;
                    default ->
                        throw WeaviateError.unprocessable(
                                "the fake Weaviate does not compute " + metric + " distances");
                };
    }

    private static SearchResult result(SearchRequest request, FakeWeaviateData.ShardView view, Hit hit) {
        StoredObject object = hit.object();
        MetadataRequest wanted = request.getMetadata();
        MetadataResult.Builder metadata =
                MetadataResult.newBuilder().setId(object.id()).setIdAsBytes(uuidBytes(object.id()));
        if (!Float.isNaN(hit.distance())) {
            if (wanted.getDistance()) {
                metadata.setDistance(hit.distance()).setDistancePresent(true);
            }
            if (wanted.getCertainty() && "cosine".equals(FakeCollection.distance(view.definition(), view.vector()))) {
                metadata.setCertainty(1 - hit.distance() / 2).setCertaintyPresent(true);
            }
        }
        List<String> vectorNames = new ArrayList<>(wanted.getVectorsList());
        if (wanted.getVector()) {
            // The flag asks for the legacy vector, and in a collection of named vectors for all of them.
            object.vectors().keySet().stream()
                    .filter(name -> !name.equals(StoredObject.LEGACY) && !vectorNames.contains(name))
                    .forEach(vectorNames::add);
            if (object.vectors().containsKey(StoredObject.LEGACY)) {
                metadata.setVectorBytes(encode(object.vectors().get(StoredObject.LEGACY)));
            }
        }
        for (String name : vectorNames) {
            float[] vector = object.vectors().get(name);
            if (vector != null) {
                metadata.addVectors(WeaviateProtoBase.Vectors.newBuilder()
                        .setName(name)
                        .setVectorBytes(encode(vector))
                        .setType(WeaviateProtoBase.Vectors.VectorType.VECTOR_TYPE_SINGLE_FP32));
            }
        }
        // Every property asked for is in the reply; those the object lacks are null, as Weaviate answers them.
        WeaviateProtoProperties.Properties.Builder properties = WeaviateProtoProperties.Properties.newBuilder();
        boolean all = !request.hasProperties() || request.getProperties().getReturnAllNonrefProperties();
        List<String> names = new ArrayList<>();
        view.definition()
                .path("properties")
                .forEach(property -> names.add(property.get("name").asText()));
        for (String name : all ? names : request.getProperties().getNonRefPropertiesList()) {
            Object value = object.properties().get(name);
            properties.putFields(
                    name,
                    value == null
                            ? WeaviateProtoProperties.Value.newBuilder()
                                    .setNullValue(NullValue.NULL_VALUE)
                                    .build()
                            : propertyValue(FakeCollection.propertyType(view.definition(), name), value));
        }
        return SearchResult.newBuilder()
                .setMetadata(metadata)
                .setProperties(PropertiesResult.newBuilder().setNonRefProps(properties))
                .build();
    }

    private static WeaviateProtoProperties.Value propertyValue(String type, Object value) {
        WeaviateProtoProperties.Value.Builder result = WeaviateProtoProperties.Value.newBuilder();
        if (value instanceof List<?> list) {
            return result.setListValue(WeaviateProtoProperties.ListValue.newBuilder()
                            .setTextValues(WeaviateProtoProperties.TextValues.newBuilder()
                                    .addAllValues(
                                            list.stream().map(String::valueOf).toList())))
                    .build();
        }
        return switch (type == null ? "text" : type) {
            case "number" ->
                result.setNumberValue(((Number) value).doubleValue()).build();
            case "int" -> result.setIntValue(((Number) value).longValue()).build();
            case "boolean" -> result.setBoolValue((Boolean) value).build();
            case "date" -> result.setDateValue(value.toString()).build();
            case "uuid" -> result.setUuidValue(value.toString()).build();
            default -> result.setTextValue(value.toString()).build();
        };
    }

    /** The objects count of one shard, filtered or not; the fake computes no property aggregations. */
    @Override
    public void aggregate(AggregateRequest request, StreamObserver<AggregateReply> observer) {
        answer("Aggregate", observer, () -> {
            long start = System.nanoTime();
            if (request.getAggregationsCount() > 0
                    || request.hasGroupBy()
                    || request.getSearchCase() != AggregateRequest.SearchCase.SEARCH_NOT_SET) {
                throw WeaviateError.unprocessable("the fake Weaviate aggregates the objects count only");
            }
            FakeWeaviateData.ShardView view = data.read(request.getCollection(), request.getTenant(), null);
            Predicate<StoredObject> filter =
                    request.hasFilters() ? WhereFilters.predicate(request.getFilters(), view.definition()) : o -> true;
            AggregateReply.Single.Builder single = AggregateReply.Single.newBuilder();
            if (request.getObjectsCount()) {
                single.setObjectsCount(view.objects().stream().filter(filter).count());
            }
            return AggregateReply.newBuilder()
                    .setSingleResult(single)
                    .setTook(seconds(start))
                    .build();
        });
    }

    @Override
    public void tenantsGet(TenantsGetRequest request, StreamObserver<TenantsGetReply> observer) {
        answer("TenantsGet", observer, () -> {
            Map<String, String> tenants = data.tenants(request.getCollection());
            TenantsGetReply.Builder reply = TenantsGetReply.newBuilder();
            List<String> names =
                    request.hasNames() ? request.getNames().getValuesList() : List.copyOf(tenants.keySet());
            for (String name : names) {
                String status = tenants.get(name);
                if (status != null) {
                    reply.addTenants(Tenant.newBuilder()
                            .setName(name)
                            .setActivityStatus(
                                    "ACTIVE".equals(status)
                                            ? TenantActivityStatus.TENANT_ACTIVITY_STATUS_HOT
                                            : TenantActivityStatus.TENANT_ACTIVITY_STATUS_COLD));
                }
            }
            return reply.build();
        });
    }

    private static float seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9f;
    }

    static float[] decode(ByteString bytes) {
        ByteBuffer buffer = bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[buffer.remaining() / Float.BYTES];
        buffer.asFloatBuffer().get(vector);
        return vector;
    }

    private static ByteString encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return ByteString.copyFrom(buffer);
    }

    private static List<Double> doubles(ByteString bytes) {
        ByteBuffer buffer = bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        List<Double> values = new ArrayList<>();
        while (buffer.remaining() >= Double.BYTES) {
            values.add(buffer.getDouble());
        }
        return values;
    }

    private static ByteString uuidBytes(String id) {
        UUID uuid = UUID.fromString(id);
        return ByteString.copyFrom(ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .flip());
    }

    @Override
    public void close() {
        stop(server);
    }

    /** Stops the server at once, cancelling calls in flight, and waits a few seconds for its port to be free. */
    private static void stop(Server server) {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
