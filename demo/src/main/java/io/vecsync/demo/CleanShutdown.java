/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.demo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Exit;

/**
 * The demo's stop on Ctrl-C or SIGTERM: the JVM's shutdown asks the demo to stop, waits until it has stopped its query
 * service, connectors and broker in that order, and only then runs the hook Kafka's Connect registers to stop its
 * worker; run alongside, as the JVM runs hooks, it would stop the worker under connectors the demo still watches.
 */
final class CleanShutdown {

    /** Longest wait for the demo to stop before the JVM exits anyway. */
    private static final long GRACE_SECONDS = 20;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Runnable> kafkaHooks = new CopyOnWriteArrayList<>();

    private CleanShutdown() {}

    /** Installs it; before the worker starts, so that Kafka's hooks are deferred. */
    static CleanShutdown install() {
        CleanShutdown shutdown = new CleanShutdown();
        Exit.setShutdownHookAdder((name, hook) -> shutdown.kafkaHooks.add(hook));
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::shutDown, "vecsync-demo-shutdown"));
        return shutdown;
    }

    /** Counted down when the JVM is asked to exit. */
    CountDownLatch requested() {
        return requested;
    }

    /** The demo has stopped everything it started. */
    void stopped() {
        stopped.countDown();
    }

    private void shutDown() {
        requested.countDown();
        try {
            stopped.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kafkaHooks.forEach(Runnable::run);
    }
}
