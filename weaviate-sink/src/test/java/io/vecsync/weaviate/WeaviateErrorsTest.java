/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.grpc.Status;
import io.weaviate.client6.v1.api.WeaviateApiException;
import java.nio.channels.ClosedChannelException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

class WeaviateErrorsTest {

    /** What grpc-java raises when a reset closes the connection under a batch, as client6 wraps it. */
    @Test
    void aConnectionClosedUnderACallIsTransient() {
        WeaviateApiException closed = WeaviateApiException.gRPC(Status.UNKNOWN
                .withDescription("channel closed")
                .withCause(new ClosedChannelException())
                .asRuntimeException());
        assertInstanceOf(RetriableException.class, WeaviateErrors.INSTANCE.classify("inserting 1 objects", closed));
    }

    @Test
    void anUnknownErrorOfTheServerIsNot() {
        WeaviateApiException unknown =
                WeaviateApiException.gRPC(Status.UNKNOWN.withDescription("boom").asRuntimeException());
        assertEquals(
                ConnectException.class,
                WeaviateErrors.INSTANCE.classify("inserting 1 objects", unknown).getClass());
    }
}
