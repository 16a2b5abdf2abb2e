/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import java.util.Arrays;
import java.util.Optional;

/** What a thread of the benchmark's JVM does, told by its name. */
public enum Activity {
    FETCH_PARSE("fetch+parse", "vecsync-fetch-"),
    HTTP_CLIENT("HTTP client", "HttpClient-"),
    TASK_THREAD("task thread", "task-thread-"),
    SINK_WRITER("sink writer", "vecsync-writer-"),
    PRODUCER_IO("producer I/O", "kafka-producer-network-thread"),
    BROKER("broker", "data-plane-kafka-"),
    // The simulator's HttpServer runs on an unnamed Executors pool; nothing else keeps such threads busy during a run.
    SIMULATOR("simulator", "HTTP-Dispatcher", "pool-");

    private final String label;

    @SuppressWarnings("ImmutableEnumChecker") // private, and only read: nothing can change it
    private final String[] namePrefixes;

    Activity(String label, String... namePrefixes) {
        this.label = label;
        this.namePrefixes = namePrefixes;
    }

    public String label() {
        return label;
    }

    /** The activity of the named thread; empty for the worker's, the controller's, the benchmark's own and the rest. */
    public static Optional<Activity> of(String threadName) {
        return Arrays.stream(values())
                .filter(activity -> Arrays.stream(activity.namePrefixes).anyMatch(threadName::startsWith))
                .findFirst();
    }
}
