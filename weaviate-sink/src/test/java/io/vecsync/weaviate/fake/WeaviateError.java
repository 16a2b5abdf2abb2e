/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate.fake;

import io.grpc.Status;

/** A request the fake refuses, with the HTTP status and gRPC code Weaviate answers it with. */
final class WeaviateError extends RuntimeException {

    private final int httpStatus;
    private final Status.Code grpcCode;

    WeaviateError(int httpStatus, Status.Code grpcCode, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.grpcCode = grpcCode;
    }

    /** A refusal of the request's content: 422 over REST; over gRPC Weaviate passes plain Go errors, which arrive as UNKNOWN. */
    static WeaviateError unprocessable(String message) {
        return new WeaviateError(422, Status.Code.UNKNOWN, message);
    }

    static WeaviateError notFound(String message) {
        return new WeaviateError(404, Status.Code.UNKNOWN, message);
    }

    int httpStatus() {
        return httpStatus;
    }

    Status.Code grpcCode() {
        return grpcCode;
    }
}
