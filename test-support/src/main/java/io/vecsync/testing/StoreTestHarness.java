/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.testing;

import io.vecsync.core.sink.CommonSinkConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.kafka.connect.sink.SinkTask;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one way tests start a store's sink tasks: as a worker does (a recording context, then start()), from any thread,
 * on the store's props with quick retries, with the {@link SegmentRecords} to write. Registered as a test class's
 * extension, it stops the tasks and clears the store after each test, and after the last releases what it holds.
 */
public class StoreTestHarness<T extends SinkTask> implements AfterEachCallback, AfterAllCallback, AutoCloseable {

    /** Retries in milliseconds, not seconds, so that tests of transient failures stay quick. */
    public static final Map<String, String> QUICK_RETRIES =
            Map.of(CommonSinkConfig.RETRY_BACKOFF_MS, "10", CommonSinkConfig.RETRY_BACKOFF_MAX_MS, "50");

    private final Supplier<T> newTask;
    private final List<T> started = new CopyOnWriteArrayList<>();
    private final SegmentRecords records = new SegmentRecords();
    private volatile RecordingSinkTaskContext lastContext;

    /** A harness for tests that pass the store's props to {@link #start} themselves; stores extend it instead. */
    public StoreTestHarness(Supplier<T> newTask) {
        this.newTask = newTask;
    }

    /** The store's connection and target props, e.g. its address, collection and dimension; none by default. */
    protected Map<String, String> storeProps() {
        return Map.of();
    }

    /** Empties what the tests wrote, and any faults set on the store; nothing by default. */
    protected void clearStore() {}

    /** Lets go of what the harness holds: fakes, clients; nothing by default. */
    protected void release() {}

    /** The props a task started here gets: the store's, quick retries, then the overrides. */
    public Map<String, String> props(Map<String, String> overrides) {
        Map<String, String> props = new HashMap<>(storeProps());
        props.putAll(QUICK_RETRIES);
        props.putAll(overrides);
        return props;
    }

    /** A started task; one whose start() throws is stopped with the others all the same (its store may be open). */
    public T start(Map<String, String> overrides) {
        Map<String, String> props = props(overrides);
        T task = newTask.get();
        lastContext = new RecordingSinkTaskContext(props);
        task.initialize(lastContext);
        started.add(task);
        task.start(props);
        return task;
    }

    public T start() {
        return start(Map.of());
    }

    public void stop(T task) {
        started.remove(task);
        task.stop();
    }

    /** The context of the task started last: what it sent to the dead-letter queue, the timeouts it asked for. */
    public RecordingSinkTaskContext lastContext() {
        return lastContext;
    }

    /** The records the tests write, at increasing offsets. */
    public SegmentRecords records() {
        return records;
    }

    /** Stops every task still running, leaving the store as they left it. */
    public void stopAll() {
        new ArrayList<>(started).forEach(this::stop);
    }

    /** Stops every task still running and clears the store: a clean slate for the next test. */
    public void reset() {
        stopAll();
        clearStore();
    }

    @Override
    public final void afterEach(ExtensionContext context) {
        reset();
    }

    @Override
    public final void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public final void close() {
        reset();
        release();
    }
}
