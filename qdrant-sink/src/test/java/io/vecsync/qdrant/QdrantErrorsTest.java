/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.qdrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.grpc.Status;
import java.nio.channels.ClosedChannelException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

class QdrantErrorsTest {

    private final QdrantErrors errors = new QdrantErrors(false);

    /** What the client raised when a reset closed the connection under an upsert (QdrantFaultsIT saw the task fail). */
    @Test
    void aConnectionClosedUnderACallIsTransient() {
        ConnectException classified = errors.classify(
                "upserting 1 points",
                Status.UNKNOWN
                        .withDescription("channel closed")
                        .withCause(new ClosedChannelException())
                        .asRuntimeException());
        assertInstanceOf(RetriableException.class, classified);
        assertEquals("upserting 1 points failed: UNKNOWN (channel closed)", classified.getMessage());
    }

    @Test
    void anUnknownErrorOfTheServerIsNot() {
        ConnectException classified = errors.classify(
                "upserting 1 points", Status.UNKNOWN.withDescription("boom").asRuntimeException());
        assertEquals(ConnectException.class, classified.getClass());
    }
}
