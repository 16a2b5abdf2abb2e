package io.vecsync.testing;

import io.vecsync.core.sink.CommonSinkConfig;
import org.apache.kafka.connect.sink.SinkTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Starts sink tasks as a worker does — a recording context, then start() — from any thread, and stops every one it
 * started when asked: the part each store's test harness shares.
 */
public final class SinkTaskStarter<T extends SinkTask> implements AutoCloseable {

    /** Retries in milliseconds, not seconds, so that tests of transient failures stay quick. */
    public static final Map<String, String> QUICK_RETRIES = Map.of(CommonSinkConfig.RETRY_BACKOFF_MS, "10",
            CommonSinkConfig.RETRY_BACKOFF_MAX_MS, "50");

    private final Supplier<T> newTask;
    private final List<T> started = new CopyOnWriteArrayList<>();
    private volatile RecordingSinkTaskContext lastContext;

    public SinkTaskStarter(Supplier<T> newTask) {
        this.newTask = newTask;
    }

    /** A started task; one whose start() throws is stopped with the others all the same (its store may be open). */
    public T start(Map<String, String> props) {
        T task = newTask.get();
        lastContext = new RecordingSinkTaskContext(props);
        task.initialize(lastContext);
        started.add(task);
        task.start(props);
        return task;
    }

    /** The context of the task started last: what it sent to the dead-letter queue, the timeouts it asked for. */
    public RecordingSinkTaskContext lastContext() {
        return lastContext;
    }

    public void stop(T task) {
        started.remove(task);
        task.stop();
    }

    /** Stops every task still running. */
    @Override
    public void close() {
        new ArrayList<>(started).forEach(this::stop);
    }
}
