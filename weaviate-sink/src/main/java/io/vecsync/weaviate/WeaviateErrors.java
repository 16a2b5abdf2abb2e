/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import io.vecsync.core.sink.RefusedBatchException;
import io.vecsync.core.sink.StoreErrors;
import io.weaviate.client6.v1.api.WeaviateApiException;
import io.weaviate.client6.v1.api.WeaviateConnectException;
import io.weaviate.client6.v1.api.WeaviateTransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

/** Sorts the client's failures into transient ones (retry) and the rest, as the Connect exception that says so. */
final class WeaviateErrors implements StoreErrors<Exception> {

    static final WeaviateErrors INSTANCE = new WeaviateErrors();

    private static final Set<String> TRANSIENT_GRPC =
            Set.of("UNAVAILABLE", "DEADLINE_EXCEEDED", "RESOURCE_EXHAUSTED", "ABORTED");
    private static final Set<String> AUTH_GRPC = Set.of("UNAUTHENTICATED", "PERMISSION_DENIED");
    /**
     * How a call fails that grpc-java would not send: over the message size client6 sets from the one Weaviate
     * announces (client6 keeps the code and description, not the RESOURCE_EXHAUSTED cause).
     */
    private static final String NOT_SENT = "CANCELLED: Failed to stream message";

    private WeaviateErrors() {}

    /**
     * grpc-java reports a connection closed under a call (a reset, a proxy hanging up) as UNKNOWN "channel closed";
     * client6 keeps only the code and the description, not the I/O cause that says so.
     */
    private static boolean closedUnderTheCall(WeaviateApiException api) {
        return "UNKNOWN".equals(api.grpcStatusCode())
                && api.getMessage() != null
                && api.getMessage().contains("channel closed");
    }

    /** The failure as a RetriableException when a retry can fix it, a ConnectException otherwise. */
    @Override
    public ConnectException classify(String doing, Exception e) {
        if (e instanceof ConnectException connect) {
            return connect;
        }
        // The JDK's HTTP client leaves the message of a refused connection empty; its type says what happened.
        String message = doing + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage());
        if (e instanceof WeaviateApiException api) {
            if (api.isGPRC() ? AUTH_GRPC.contains(api.grpcStatusCode()) : isAuth(api.httpStatusCode())) {
                return new ConnectException(
                        message + "; check " + WeaviateSinkConfig.API_KEY + " and that the key may use the collection",
                        e);
            }
            boolean transientError = api.isGPRC()
                    ? TRANSIENT_GRPC.contains(api.grpcStatusCode()) || closedUnderTheCall(api)
                    : isTransient(api.httpStatusCode());
            return transientError ? new RetriableException(message, e) : new ConnectException(message, e);
        }
        if (e instanceof WeaviateConnectException
                || e instanceof WeaviateTransportException
                || e instanceof IOException
                || e instanceof UncheckedIOException) {
            return new RetriableException(message, e);
        }
        return new ConnectException(message, e);
    }

    /**
     * A batch insert's failure: as {@link #classify}, but a request too large to send is a {@link RefusedBatchException},
     * which the framework writes again in halves until the object too large stands alone. Weaviate refuses an object's
     * content in its reply, object by object; a whole request fails only for reasons that are not an object's
     * (authentication, the server's own trouble) or for its size.
     */
    ConnectException classifyBatch(String doing, Exception e) {
        if (e instanceof WeaviateApiException api
                && api.isGPRC()
                && String.valueOf(api.getMessage()).contains(NOT_SENT)) {
            return new RefusedBatchException(
                    doing + " failed: the request is larger than the gRPC message size Weaviate announces ("
                            + api.getMessage() + ")",
                    e);
        }
        return classify(doing, e);
    }

    private static boolean isAuth(Integer status) {
        return status != null && (status == 401 || status == 403);
    }

    private static boolean isTransient(Integer status) {
        return status != null && (status == 408 || status == 429 || status >= 500);
    }
}
