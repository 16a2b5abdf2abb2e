/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.pinecone.fake;

import io.grpc.Status;
import io.pinecone.proto.UpsertRequest;
import io.vecsync.pinecone.fake.FakePinecone.Rpc;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Failures and delays the fake serves instead of answers: the transient errors a sink must ride out, and refusals. */
final class Faults {

    private final Map<Rpc, Deque<Status.Code>> nextFailures = new EnumMap<>(Rpc.class);
    private final Map<Rpc, Status.Code> permanentFailures = new EnumMap<>(Rpc.class);
    private final Map<Rpc, Deque<Duration>> nextDelays = new EnumMap<>(Rpc.class);
    private final Deque<Integer> nextHttpStatuses = new ArrayDeque<>();
    private Duration controlPlaneDelay = Duration.ZERO;
    private final AtomicInteger served = new AtomicInteger();
    private volatile String refusedMetadataField;

    synchronized void failNext(Rpc rpc, Status.Code code, int times) {
        Deque<Status.Code> queue = nextFailures.computeIfAbsent(rpc, r -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(code);
        }
    }

    synchronized void failAlways(Rpc rpc, Status.Code code) {
        permanentFailures.put(rpc, code);
    }

    synchronized void delayNext(Rpc rpc, Duration delay) {
        nextDelays.computeIfAbsent(rpc, r -> new ArrayDeque<>()).add(delay);
    }

    synchronized void failControlPlaneNext(int httpStatus, int times) {
        for (int i = 0; i < times; i++) {
            nextHttpStatuses.add(httpStatus);
        }
    }

    synchronized void delayControlPlane(Duration delay) {
        controlPlaneDelay = delay;
    }

    void refuseMetadataField(String field) {
        refusedMetadataField = field;
    }

    /** Refuses an upsert whole when a vector has the refused metadata field, as Pinecone refuses an invalid request. */
    void checkRefused(UpsertRequest request) {
        String field = refusedMetadataField;
        if (field != null
                && request.getVectorsList().stream()
                        .anyMatch(vector -> vector.getMetadata().containsFields(field))) {
            throw Status.INVALID_ARGUMENT
                    .withDescription("Metadata field '" + field + "' is refused by the fake Pinecone")
                    .asRuntimeException();
        }
    }

    synchronized void clear() {
        refusedMetadataField = null;
        controlPlaneDelay = Duration.ZERO;
        nextFailures.clear();
        permanentFailures.clear();
        nextDelays.clear();
        nextHttpStatuses.clear();
        served.set(0);
    }

    int served() {
        return served.get();
    }

    /** Sleeps a due delay, then throws a due failure; a delay holds only its own call back. */
    void apply(Rpc rpc) {
        Duration delay;
        Status.Code failure;
        synchronized (this) {
            Deque<Duration> delays = nextDelays.get(rpc);
            delay = delays == null ? null : delays.poll();
            Deque<Status.Code> failures = nextFailures.get(rpc);
            failure = failures == null || failures.isEmpty() ? permanentFailures.get(rpc) : failures.poll();
        }
        if (delay != null) {
            sleep(delay);
        }
        if (failure != null) {
            served.incrementAndGet();
            throw Status.fromCode(failure)
                    .withDescription("injected " + failure)
                    .asRuntimeException();
        }
    }

    /** Sleeps the control-plane delay, then returns the HTTP status of a due failure, or 0. */
    int nextHttpStatus() {
        Duration delay;
        synchronized (this) {
            delay = controlPlaneDelay;
        }
        sleep(delay);
        return dueHttpStatus();
    }

    private synchronized int dueHttpStatus() {
        Integer status = nextHttpStatuses.poll();
        if (status == null) {
            return 0;
        }
        served.incrementAndGet();
        return status;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
