/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** The misbehaviour of routes scenarios switch on: failures, chaos, latency, a revoked key, redirects, item shapes. */
final class Faults {

    private final Map<Route, Deque<Integer>> queued = new EnumMap<>(Route.class);
    private final Random chaosRandom;
    private double chaosProbability;
    private int[] chaosStatuses = {};
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean keyRevoked;
    private volatile ListShape listShape = ListShape.WRAPPED_DATA;
    private volatile boolean extraVideoFields = true;
    private final Map<Integer, Runnable> beforeListPage = new ConcurrentHashMap<>();
    private final Map<Integer, Runnable> beforeCollectionPage = new ConcurrentHashMap<>();
    private final Map<Route, String> redirects = new ConcurrentHashMap<>();

    Faults(long seed) {
        this.chaosRandom = new Random(seed);
        for (Route route : Route.values()) {
            queued.put(route, new ArrayDeque<>());
        }
    }

    void beforeListPage(int skip, Runnable action) {
        beforeListPage.put(skip, action);
    }

    /** Runs, once, the action registered for a listing request at this skip. */
    void listPageRequested(int skip) {
        Runnable action = beforeListPage.remove(skip);
        if (action != null) {
            action.run();
        }
    }

    void beforeCollectionPage(int page, Runnable action) {
        beforeCollectionPage.put(page, action);
    }

    /** Runs, once, the action registered for a collection page request of this page number. */
    void collectionPageRequested(int page) {
        Runnable action = beforeCollectionPage.remove(page);
        if (action != null) {
            action.run();
        }
    }

    synchronized void failNext(Route route, int status, int count) {
        for (int i = 0; i < count; i++) {
            queued.get(route).add(status);
        }
    }

    synchronized void chaos(double probability, int... statuses) {
        if (probability < 0 || probability > 1 || (probability > 0 && statuses.length == 0)) {
            throw new IllegalArgumentException(
                    "chaos needs a probability in [0, 1] and, above 0, statuses to fail with");
        }
        chaosProbability = probability;
        chaosStatuses = statuses.clone();
    }

    /** The status a request to the route must fail with instead of being served, if any. */
    synchronized OptionalInt failure(Route route) {
        Integer status = queued.get(route).poll();
        if (status == null) {
            status = queued.get(Route.ANY).poll();
        }
        if (status != null) {
            return OptionalInt.of(status);
        }
        if (chaosProbability > 0 && chaosRandom.nextDouble() < chaosProbability) {
            return OptionalInt.of(chaosStatuses[chaosRandom.nextInt(chaosStatuses.length)]);
        }
        return OptionalInt.empty();
    }

    Duration latency() {
        return latency;
    }

    void latency(Duration perRequest) {
        latency = perRequest;
    }

    boolean keyRevoked() {
        return keyRevoked;
    }

    void keyRevoked(boolean revoked) {
        keyRevoked = revoked;
    }

    ListShape listShape() {
        return listShape;
    }

    void listShape(ListShape shape) {
        listShape = shape;
    }

    /** Whether video items carry the fields the Video model does not document. */
    boolean extraVideoFields() {
        return extraVideoFields;
    }

    void extraVideoFields(boolean extra) {
        extraVideoFields = extra;
    }

    /** The base URL requests to the route are redirected to, if any. */
    Optional<String> redirect(Route route) {
        return Optional.ofNullable(redirects.getOrDefault(route, redirects.get(Route.ANY)));
    }

    void redirect(Route route, String baseUrl) {
        redirects.put(route, baseUrl);
    }

    void clearRedirect(Route route) {
        redirects.remove(route);
    }
}
