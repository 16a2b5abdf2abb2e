/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone.fake;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.pinecone.proto.DeleteRequest;
import io.pinecone.proto.DeleteResponse;
import io.pinecone.proto.DescribeIndexStatsRequest;
import io.pinecone.proto.DescribeIndexStatsResponse;
import io.pinecone.proto.FetchRequest;
import io.pinecone.proto.FetchResponse;
import io.pinecone.proto.ListRequest;
import io.pinecone.proto.ListResponse;
import io.pinecone.proto.QueryRequest;
import io.pinecone.proto.QueryResponse;
import io.pinecone.proto.UpsertRequest;
import io.pinecone.proto.UpsertResponse;
import io.pinecone.proto.VectorServiceGrpc;
import io.vecsync.pinecone.fake.FakePinecone.Rpc;
import java.util.function.Supplier;

/**
 * Pinecone's VectorService for one index, as generated in the client jar: each call checks the api-key header,
 * serves an injected fault if one is due, is refused while the index is not ready, and otherwise answers from it.
 */
final class FakeVectorService extends VectorServiceGrpc.VectorServiceImplBase {

    private static final Metadata.Key<String> API_KEY = Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER);

    private final FakeIndex index;
    private final Faults faults;

    private FakeVectorService(FakeIndex index, Faults faults) {
        this.index = index;
        this.faults = faults;
    }

    /** The service behind the api-key check. */
    static ServerServiceDefinition definition(FakeIndex index, Faults faults, String apiKey) {
        return ServerInterceptors.intercept(new FakeVectorService(index, faults), new ApiKeyCheck(apiKey));
    }

    @Override
    public void upsert(UpsertRequest request, StreamObserver<UpsertResponse> response) {
        serve(Rpc.UPSERT, response, () -> {
            faults.checkRefused(request);
            return UpsertResponse.newBuilder()
                    .setUpsertedCount(index.upsert(request))
                    .build();
        });
    }

    @Override
    public void delete(DeleteRequest request, StreamObserver<DeleteResponse> response) {
        serve(Rpc.DELETE, response, () -> {
            index.delete(request);
            return DeleteResponse.getDefaultInstance();
        });
    }

    @Override
    public void query(QueryRequest request, StreamObserver<QueryResponse> response) {
        serve(Rpc.QUERY, response, () -> index.query(request));
    }

    @Override
    public void fetch(FetchRequest request, StreamObserver<FetchResponse> response) {
        serve(Rpc.FETCH, response, () -> index.fetch(request));
    }

    @Override
    public void list(ListRequest request, StreamObserver<ListResponse> response) {
        serve(Rpc.LIST, response, () -> index.list(request));
    }

    @Override
    public void describeIndexStats(
            DescribeIndexStatsRequest request, StreamObserver<DescribeIndexStatsResponse> response) {
        serve(Rpc.DESCRIBE_INDEX_STATS, response, () -> index.stats(request));
    }

    private <T> void serve(Rpc rpc, StreamObserver<T> response, Supplier<T> answer) {
        try {
            faults.apply(rpc);
            index.requireReady();
            response.onNext(answer.get());
            response.onCompleted();
        } catch (StatusRuntimeException e) {
            response.onError(e);
        }
    }

    /** Pinecone answers a missing or wrong key with UNAUTHENTICATED before looking at the request. */
    private record ApiKeyCheck(String apiKey) implements ServerInterceptor {

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            if (!apiKey.equals(headers.get(API_KEY))) {
                call.close(Status.UNAUTHENTICATED.withDescription("Invalid API Key"), new Metadata());
                return new ServerCall.Listener<>() {};
            }
            return next.startCall(call, headers);
        }
    }
}
