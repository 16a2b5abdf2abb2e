/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.weaviate.fake;

import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Failures and delays a test asks the fake to answer with instead of serving, and a count of the requests served per kind. */
final class Faults {

    private record RestFault(String method, String pathPrefix, int status) {}

    private record GrpcFault(String method, Status.Code code) {}

    private final Deque<RestFault> restFaults = new ArrayDeque<>();
    private final Deque<GrpcFault> grpcFaults = new ArrayDeque<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Deque<Duration>> grpcDelays = new ConcurrentHashMap<>();

    synchronized void failRest(String method, String pathPrefix, int times, int status) {
        for (int i = 0; i < times; i++) {
            restFaults.add(new RestFault(method, pathPrefix, status));
        }
    }

    synchronized void failGrpc(String method, int times, Status.Code code) {
        for (int i = 0; i < times; i++) {
            grpcFaults.add(new GrpcFault(method, code));
        }
    }

    /** The status to fail this request with, or 0 to serve it; counts the request. */
    synchronized int restFailure(String method, String path) {
        calls.computeIfAbsent(method + " " + path, key -> new AtomicInteger()).incrementAndGet();
        for (RestFault fault : restFaults) {
            if (fault.method().equals(method) && path.startsWith(fault.pathPrefix())) {
                restFaults.remove(fault);
                return fault.status();
            }
        }
        return 0;
    }

    synchronized void delayGrpc(String method, int times, Duration delay) {
        Deque<Duration> delays = grpcDelays.computeIfAbsent(method, key -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            delays.add(delay);
        }
    }

    /** Sleeps the delay due for this call, if any, as a server that is slow to answer. */
    void grpcDelay(String method) {
        Duration delay;
        synchronized (this) {
            Deque<Duration> delays = grpcDelays.get(method);
            delay = delays == null ? null : delays.poll();
        }
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The code to fail this call with, or null to serve it; counts the call. */
    synchronized Status.Code grpcFailure(String method) {
        calls.computeIfAbsent(method, key -> new AtomicInteger()).incrementAndGet();
        for (GrpcFault fault : grpcFaults) {
            if (fault.method().equals(method)) {
                grpcFaults.remove(fault);
                return fault.code();
            }
        }
        return null;
    }

    int calls(String key) {
        AtomicInteger count = calls.get(key);
        return count == null ? 0 : count.get();
    }

    synchronized void clear() {
        restFaults.clear();
        grpcFaults.clear();
        grpcDelays.clear();
        calls.clear();
    }
}
