/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import io.grpc.Status;
import io.vecsync.core.sink.StoreErrors;
import java.io.IOException;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

/** Sorts the gRPC client's failures into transient ones (retry) and permanent ones (fail with what to check). */
final class QdrantErrors implements StoreErrors<Throwable> {

    /**
     * Codes a retry can fix: the server is down or restarting, slow, rate limiting or out of resources, or hit an
     * internal error (Qdrant's 5xx).
     */
    private static final Set<Status.Code> TRANSIENT = Set.of(
            Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED,
            Status.Code.RESOURCE_EXHAUSTED,
            Status.Code.ABORTED,
            Status.Code.INTERNAL);

    private final boolean hasApiKey;

    /** @param hasApiKey whether the connection sends an API key: an UNAUTHENTICATED then means a wrong one, else a missing one */
    QdrantErrors(boolean hasApiKey) {
        this.hasApiKey = hasApiKey;
    }

    /** A gRPC failure as a RetriableException or a ConnectException, with what was being done and what to check. */
    @Override
    public ConnectException classify(String doing, Throwable failure) {
        Status status = Status.fromThrowable(failure);
        String message = doing + " failed: " + status.getCode()
                + (status.getDescription() == null ? "" : " (" + status.getDescription() + ")");
        if (causedBy(failure, SSLException.class)) {
            return new ConnectException(
                    message + "; the TLS handshake failed: check " + QdrantSinkConfig.TLS + " and "
                            + QdrantSinkConfig.TLS_CA_FILE,
                    failure);
        }
        return switch (status.getCode()) {
            case UNAUTHENTICATED ->
                new ConnectException(
                        message
                                + (hasApiKey
                                        ? "; the server refused the API key: check " + QdrantSinkConfig.API_KEY
                                        : "; the server needs an API key: set " + QdrantSinkConfig.API_KEY),
                        failure);
            case PERMISSION_DENIED ->
                new ConnectException(
                        message + "; the API key may not do this (a read-only key?): check " + QdrantSinkConfig.API_KEY,
                        failure);
            // gRPC reports a connection closed under a call (a reset, a proxy hanging up) as UNKNOWN with the I/O
            // cause.
            case UNKNOWN ->
                causedBy(failure, IOException.class)
                        ? new RetriableException(message, failure)
                        : new ConnectException(message, failure);
            default ->
                TRANSIENT.contains(status.getCode())
                        ? new RetriableException(message, failure)
                        : new ConnectException(message, failure);
        };
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
