/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.vecsync.core.sink.StoreErrors;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.openapitools.db_control.client.ApiException;

/**
 * Sorts the client's failures into what the sink framework acts on: a RetriableException for what a retry can fix
 * (unreachable, timeout, 429, 5xx), a ConnectException naming what to change for the rest.
 */
final class PineconeErrors implements StoreErrors<RuntimeException> {

    static final PineconeErrors INSTANCE = new PineconeErrors();

    /** Pinecone's data plane answers 429 with RESOURCE_EXHAUSTED and 5xx with UNKNOWN, INTERNAL or UNAVAILABLE. */
    private static final Set<Status.Code> TRANSIENT_CODES = EnumSet.of(
            Status.Code.UNAVAILABLE,
            Status.Code.RESOURCE_EXHAUSTED,
            Status.Code.DEADLINE_EXCEEDED,
            Status.Code.ABORTED,
            Status.Code.UNKNOWN,
            Status.Code.INTERNAL);

    private static final int MAX_DETAIL = 300;

    private PineconeErrors() {}

    /** The failure as the Connect exception that says whether to retry, with what was being done. */
    @Override
    public ConnectException classify(String doing, RuntimeException failure) {
        if (failure instanceof ConnectException connect) {
            return connect;
        }
        StatusRuntimeException grpc = cause(failure, StatusRuntimeException.class);
        if (grpc != null) {
            Status status = grpc.getStatus();
            String detail = "gRPC " + status.getCode()
                    + (status.getDescription() == null ? "" : ": " + abbreviate(status.getDescription()));
            if (status.getCode() == Status.Code.UNAUTHENTICATED) {
                return rejectedKey(doing, detail, failure);
            }
            if (status.getCode() == Status.Code.PERMISSION_DENIED) {
                return forbidden(doing, detail, failure);
            }
            return TRANSIENT_CODES.contains(status.getCode())
                    ? new RetriableException(doing + " failed (" + detail + ")", failure)
                    : new ConnectException(doing + " failed (" + detail + ")", failure);
        }
        ApiException http = cause(failure, ApiException.class);
        if (http != null) {
            int code = http.getCode();
            if (code == 0) {
                // The client's ApiException for an I/O failure has no status; its message spans several lines.
                return new RetriableException(
                        doing + " failed: the control plane is unreachable (" + http.getCause() + ")", failure);
            }
            String detail =
                    "HTTP " + code + (http.getResponseBody() == null ? "" : ": " + abbreviate(http.getResponseBody()));
            if (code == 401) {
                return rejectedKey(doing, detail, failure);
            }
            if (code == 403) {
                return forbidden(doing, detail, failure);
            }
            return code == 429 || code >= 500
                    ? new RetriableException(doing + " failed (" + detail + ")", failure)
                    : new ConnectException(doing + " failed (" + detail + ")", failure);
        }
        return new ConnectException(doing + " failed: " + failure, failure);
    }

    /**
     * Whether Pinecone refused an upsert for what one of its vectors holds (INVALID_ARGUMENT), not for an index of
     * another dimension, which every vector would meet.
     */
    static boolean refusesAVector(RuntimeException failure) {
        StatusRuntimeException grpc = cause(failure, StatusRuntimeException.class);
        return grpc != null
                && grpc.getStatus().getCode() == Status.Code.INVALID_ARGUMENT
                && !String.valueOf(grpc.getStatus().getDescription())
                        .contains("does not match the dimension of the index");
    }

    /** Whether the failure is Pinecone's "not found", over either protocol. */
    static boolean isNotFound(RuntimeException failure) {
        StatusRuntimeException grpc = cause(failure, StatusRuntimeException.class);
        if (grpc != null) {
            return grpc.getStatus().getCode() == Status.Code.NOT_FOUND;
        }
        ApiException http = cause(failure, ApiException.class);
        return http != null && http.getCode() == 404;
    }

    private static ConnectException rejectedKey(String doing, String detail, RuntimeException failure) {
        return new ConnectException(
                doing + " failed: Pinecone rejected the API key; check " + PineconeSinkConfig.API_KEY + " (" + detail
                        + ")",
                failure);
    }

    /** Pinecone's 403: a project quota reached, deletion protection, or a key without the permission. */
    private static ConnectException forbidden(String doing, String detail, RuntimeException failure) {
        return new ConnectException(
                doing + " failed: Pinecone refused it; check the project's quotas and the permissions of the"
                        + " key in " + PineconeSinkConfig.API_KEY + " (" + detail + ")",
                failure);
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
    }
}
