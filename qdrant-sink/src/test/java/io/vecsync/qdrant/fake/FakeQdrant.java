/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant.fake;

import com.google.protobuf.Message;
import io.grpc.ForwardingServerCallListener;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionDescription;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.DeleteCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Collections.GetCollectionInfoResponse;
import io.qdrant.client.grpc.Collections.HnswConfigDiff;
import io.qdrant.client.grpc.Collections.ListCollectionsRequest;
import io.qdrant.client.grpc.Collections.ListCollectionsResponse;
import io.qdrant.client.grpc.Collections.OptimizerStatus;
import io.qdrant.client.grpc.Collections.OptimizersConfigDiff;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Collections.WalConfigDiff;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An in-process Qdrant that serves Qdrant's real gRPC services (the client jar's generated Collections, Points and
 * Qdrant services) on 127.0.0.1, so the official client talks to it unmodified. It keeps collections and points in
 * memory with Qdrant's semantics for what the vecsync sinks and searchers use: collections (create, get, exists, list,
 * delete), upsert (overwrites whole points; dimension and vector-name errors as INVALID_ARGUMENT; Cosine vectors
 * normalised on write), delete by ids or filter, query by a dense vector with filter, score threshold and payload,
 * scroll, count and payload indexes. Calls Qdrant would refuse fail with Qdrant's status codes and messages; calls the
 * fake does not implement fail with UNIMPLEMENTED. Tests can require an API key (the {@code api-key} header or a
 * bearer token), inject failures, delays and concurrent changes, and read back points and requests.
 */
public final class FakeQdrant implements AutoCloseable {

    /** What the health check reports, matching the client's minor version. */
    public static final String VERSION = "1.18.0";

    private static final Metadata.Key<String> API_KEY = Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String HEALTH_CHECK = "qdrant.Qdrant/HealthCheck";

    private final String apiKey;
    private final Server server;
    private final Map<String, FakeCollection> collections = new TreeMap<>();
    private final Deque<Status> failures = new ArrayDeque<>();
    private Status permanentFailure;
    private final Deque<Duration> delays = new ArrayDeque<>();
    private final Map<String, Runnable> beforeCalls = new LinkedHashMap<>();
    private String refusedPayloadKey;
    private final List<Message> requests = new ArrayList<>();
    private long operations;

    private FakeQdrant(String apiKey, ServerCredentials credentials) {
        this.apiKey = apiKey;
        ServerInterceptor gate = new Gate();
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), credentials)
                // Qdrant's public gRPC services set no decoding limit, so a large upsert batch is never refused for its
                // size.
                .maxInboundMessageSize(Integer.MAX_VALUE)
                .addService(ServerInterceptors.intercept(new QdrantService(), gate))
                .addService(ServerInterceptors.intercept(new CollectionsService(), gate))
                .addService(ServerInterceptors.intercept(new FakePointsService(this), gate))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting the fake Qdrant", e);
        }
    }

    /** A fake without authentication, in plain text. */
    public static FakeQdrant start() {
        return start(null);
    }

    /** A fake that requires the API key on every call but the health check; null for none. */
    public static FakeQdrant start(String apiKey) {
        return start(apiKey, InsecureServerCredentials.create());
    }

    /** A fake with the given transport security, e.g. {@code TlsServerCredentials}. */
    public static FakeQdrant start(String apiKey, ServerCredentials credentials) {
        return new FakeQdrant(apiKey, credentials);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getPort();
    }

    /** The next {@code calls} calls, of any RPC, fail with the code before reaching the service. */
    public synchronized void failNext(int calls, Status.Code code) {
        for (int i = 0; i < calls; i++) {
            failures.add(code.toStatus().withDescription("injected by the fake Qdrant"));
        }
    }

    /** Every call fails with the code until {@link #clearFailures()}. */
    public synchronized void failAlways(Status.Code code) {
        permanentFailure = code.toStatus().withDescription("injected by the fake Qdrant until cleared");
    }

    public synchronized void clearFailures() {
        failures.clear();
        permanentFailure = null;
    }

    /**
     * Refuses, from now on, every upsert holding a point with this payload key, whole and with INVALID_ARGUMENT, as
     * Qdrant refuses a request with an invalid point in it; null refuses none again.
     */
    public synchronized void refusePayloadKey(String key) {
        refusedPayloadKey = key;
    }

    /** Throws Qdrant's INVALID_ARGUMENT when a point has the refused payload key; called under the fake's lock. */
    void checkRefused(List<PointStruct> points) {
        if (refusedPayloadKey != null && points.stream().anyMatch(point -> point.containsPayload(refusedPayloadKey))) {
            throw FakeCollection.invalid(
                    "Wrong input: payload key '" + refusedPayloadKey + "' is refused by the fake Qdrant");
        }
    }

    /** The next {@code calls} calls are answered only after the delay, and then carried out, as by a slow server. */
    public synchronized void delayNext(int calls, Duration delay) {
        for (int i = 0; i < calls; i++) {
            delays.add(delay);
        }
    }

    /**
     * Runs the action once, when the next call of the RPC arrives and before anything else happens to it, e.g. to
     * create a collection between a client's check and its create as a concurrent client would, or to make just that
     * call fail with {@link #failNext}.
     *
     * @param method the full method name, e.g. {@code qdrant.Collections/Create}
     */
    public synchronized void beforeNext(String method, Runnable action) {
        beforeCalls.put(method, action);
    }

    /** The collection's points in Qdrant's id order; empty when it does not exist. */
    public synchronized Map<String, FakePoint> points(String collection) {
        FakeCollection target = collections.get(collection);
        return target == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(target.points));
    }

    public synchronized boolean hasCollection(String collection) {
        return collections.containsKey(collection);
    }

    /** The vector config the collection was created with. */
    public synchronized VectorsConfig vectorsConfig(String collection) {
        return existing(collection).config;
    }

    /** The collection's payload indexes, by field. */
    public synchronized Map<String, PayloadSchemaType> payloadIndexes(String collection) {
        return Map.copyOf(existing(collection).indexes);
    }

    /** Creates a collection directly, as another user of the server might have. */
    public synchronized void createCollection(String collection, VectorsConfig config) {
        collections.put(collection, new FakeCollection(config));
    }

    public synchronized void deleteAllCollections() {
        collections.clear();
    }

    /** Every request the services received, of one message type, in arrival order. */
    public synchronized <T extends Message> List<T> requests(Class<T> type) {
        return requests.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        stop(server);
    }

    // ---- the gate every call passes: injected failures and delays, then the API key

    private synchronized Status nextFailure() {
        return permanentFailure != null ? permanentFailure : failures.poll();
    }

    private synchronized Duration nextDelay() {
        return delays.poll();
    }

    private synchronized Runnable beforeCall(String method) {
        return beforeCalls.remove(method);
    }

    private final class Gate implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            Runnable before = beforeCall(call.getMethodDescriptor().getFullMethodName());
            if (before != null) {
                before.run();
            }
            Status failure = nextFailure();
            if (failure == null) {
                failure = authenticate(call.getMethodDescriptor().getFullMethodName(), headers);
            }
            if (failure != null) {
                call.close(failure, new Metadata());
                return new ServerCall.Listener<>() {};
            }
            Duration delay = nextDelay();
            ServerCall.Listener<Q> listener = next.startCall(call, headers);
            if (delay == null) {
                return listener;
            }
            return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
                @Override
                public void onHalfClose() {
                    sleep(delay);
                    super.onHalfClose();
                }
            };
        }

        private Status authenticate(String method, Metadata headers) {
            if (apiKey == null || method.equals(HEALTH_CHECK)) {
                return null;
            }
            String key = headers.get(API_KEY);
            String authorization = headers.get(AUTHORIZATION);
            if (key == null && authorization != null && authorization.startsWith("Bearer ")) {
                key = authorization.substring("Bearer ".length());
            }
            if (key == null) {
                return Status.UNAUTHENTICATED.withDescription(
                        "Must provide an API key or an Authorization bearer token");
            }
            return key.equals(apiKey) ? null : Status.UNAUTHENTICATED.withDescription("Invalid API key or JWT");
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the services

    /** Runs one call under the fake's lock, recording its request and answering with its result or its error status. */
    <T> void answer(Message request, StreamObserver<T> observer, Supplier<T> result) {
        T response;
        try {
            synchronized (this) {
                requests.add(request);
                response = result.get();
            }
        } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }

    FakeCollection existing(String name) {
        FakeCollection collection = collections.get(name);
        if (collection == null) {
            throw Status.NOT_FOUND
                    .withDescription("Not found: Collection `" + name + "` doesn't exist!")
                    .asRuntimeException();
        }
        return collection;
    }

    /** The number the next write operation gets; points record it as their version. */
    long nextOperation() {
        return operations + 1;
    }

    PointsOperationResponse applied(boolean wait) {
        return PointsOperationResponse.newBuilder()
                .setResult(UpdateResult.newBuilder()
                        .setOperationId(++operations)
                        .setStatus(wait ? UpdateStatus.Completed : UpdateStatus.Acknowledged))
                .setTime(0.001)
                .build();
    }

    private final class QdrantService extends QdrantGrpc.QdrantImplBase {
        @Override
        public void healthCheck(HealthCheckRequest request, StreamObserver<HealthCheckReply> observer) {
            answer(
                    request,
                    observer,
                    () -> HealthCheckReply.newBuilder()
                            .setTitle("qdrant - vector search engine")
                            .setVersion(VERSION)
                            .build());
        }
    }

    private final class CollectionsService extends CollectionsGrpc.CollectionsImplBase {
        @Override
        public void collectionExists(
                CollectionExistsRequest request, StreamObserver<CollectionExistsResponse> observer) {
            answer(
                    request,
                    observer,
                    () -> CollectionExistsResponse.newBuilder()
                            .setResult(CollectionExists.newBuilder()
                                    .setExists(collections.containsKey(request.getCollectionName())))
                            .build());
        }

        @Override
        public void get(GetCollectionInfoRequest request, StreamObserver<GetCollectionInfoResponse> observer) {
            answer(request, observer, () -> {
                FakeCollection collection = existing(request.getCollectionName());
                CollectionInfo.Builder info = CollectionInfo.newBuilder()
                        .setStatus(CollectionStatus.Green)
                        .setOptimizerStatus(OptimizerStatus.newBuilder().setOk(true))
                        .setSegmentsCount(1)
                        .setPointsCount(collection.points.size())
                        .setIndexedVectorsCount(0)
                        .setConfig(CollectionConfig.newBuilder()
                                .setParams(CollectionParams.newBuilder()
                                        .setShardNumber(1)
                                        .setReplicationFactor(1)
                                        .setWriteConsistencyFactor(1)
                                        .setVectorsConfig(collection.config))
                                .setHnswConfig(HnswConfigDiff.newBuilder()
                                        .setM(16)
                                        .setEfConstruct(100)
                                        .setFullScanThreshold(10_000))
                                .setOptimizerConfig(
                                        OptimizersConfigDiff.newBuilder().setIndexingThreshold(10_000))
                                .setWalConfig(WalConfigDiff.newBuilder().setWalCapacityMb(32)));
                collection.indexes.forEach((field, type) -> info.putPayloadSchema(
                        field,
                        PayloadSchemaInfo.newBuilder()
                                .setDataType(type)
                                .setPoints(collection.points.size())
                                .build()));
                return GetCollectionInfoResponse.newBuilder()
                        .setResult(info)
                        .setTime(0.001)
                        .build();
            });
        }

        @Override
        public void list(ListCollectionsRequest request, StreamObserver<ListCollectionsResponse> observer) {
            answer(
                    request,
                    observer,
                    () -> ListCollectionsResponse.newBuilder()
                            .addAllCollections(collections.keySet().stream()
                                    .map(name -> CollectionDescription.newBuilder()
                                            .setName(name)
                                            .build())
                                    .toList())
                            .build());
        }

        @Override
        public void create(CreateCollection request, StreamObserver<CollectionOperationResponse> observer) {
            answer(request, observer, () -> {
                String name = request.getCollectionName();
                if (name.isEmpty()) {
                    throw FakeCollection.invalid(
                            "Validation error in body: [collection_name: length must be between 1 and 255]");
                }
                if (collections.containsKey(name)) {
                    throw FakeCollection.invalid("Wrong input: Collection `" + name + "` already exists!");
                }
                collections.put(name, new FakeCollection(request.getVectorsConfig()));
                return CollectionOperationResponse.newBuilder()
                        .setResult(true)
                        .setTime(0.001)
                        .build();
            });
        }

        @Override
        public void delete(DeleteCollection request, StreamObserver<CollectionOperationResponse> observer) {
            answer(
                    request,
                    observer,
                    () -> CollectionOperationResponse.newBuilder()
                            .setResult(collections.remove(request.getCollectionName()) != null)
                            .setTime(0.001)
                            .build());
        }
    }

    /** The vector config of a collection with one unnamed vector. */
    public static VectorsConfig unnamed(int size, Distance distance) {
        return VectorsConfig.newBuilder()
                .setParams(VectorParams.newBuilder().setSize(size).setDistance(distance))
                .build();
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
