package io.vecsync.core.sink;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operations a sink task has taken from Connect and not yet written, and the thread that writes them: in Kafka
 * order, in batches of up to batch.size, the next as soon as the last one ends. Records that come while a write runs
 * wait and go together into the next write (group commit), so batches fill up whatever the consumer's fetch size.
 * The writer stops at the first failure, with the failed batch back at the head, until told to go on.
 */
final class WriteQueue {

    /** Writes one batch: returns the records whose points the store refused, throws a transient or a lasting failure. */
    @FunctionalInterface
    interface BatchWriter {
        Map<SinkRecord, String> write(List<SinkOperation> batch);
    }

    private final BatchWriter writer;
    private final int batchSize;
    private final int maxQueued;
    private final Thread thread;
    /** Per batch key, in Kafka order. */
    private final Map<String, ArrayDeque<SinkOperation>> queued = new LinkedHashMap<>();
    private int queuedCount;
    private boolean writing;
    private final Map<SinkRecord, String> refused = new LinkedHashMap<>();
    private RuntimeException failure;
    private boolean stopping;

    /**
     * @param maxQueued operations that may wait besides the batch being written; adding more waits for the writer
     */
    WriteQueue(String threadName, int batchSize, int maxQueued, BatchWriter writer) {
        this.writer = writer;
        this.batchSize = batchSize;
        this.maxQueued = maxQueued;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the operations under their batch key, then waits while more than maxQueued wait, unless the writer failed. */
    synchronized void add(String key, List<SinkOperation> operations) {
        if (operations.isEmpty()) {
            return;
        }
        queued.computeIfAbsent(key, k -> new ArrayDeque<>()).addAll(operations);
        queuedCount += operations.size();
        notifyAll();
        while (queuedCount > maxQueued && failure == null && !stopping) {
            await();
        }
    }

    /** Waits until everything queued is written; throws the failure the writer stopped on, which stays until {@link #resume()}. */
    synchronized void drain() {
        while (failure == null && (writing || queuedCount > 0)) {
            await();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The failure the writer stopped on, or null. */
    synchronized RuntimeException failure() {
        return failure;
    }

    /** Lets the writer go on after a failure, from the batch that failed. */
    synchronized void resume() {
        failure = null;
        notifyAll();
    }

    /** The records whose points the store refused since the last call. */
    synchronized Map<SinkRecord, String> takeRefused() {
        Map<SinkRecord, String> taken = new LinkedHashMap<>(refused);
        refused.clear();
        return taken;
    }

    /**
     * Once the writer has stopped on a failure: forgets every operation not written, and returns each partition's first
     * offset among them, in a map of the caller's own.
     */
    synchronized Map<TopicPartition, Long> dropUnwritten() {
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        queued.values().forEach(operations -> operations.forEach(operation -> firstOffsets.merge(
                new TopicPartition(operation.record().originalTopic(), operation.record().originalKafkaPartition()),
                operation.record().originalKafkaOffset(), Math::min)));
        queued.clear();
        queuedCount = 0;
        failure = null;
        return firstOffsets;
    }

    synchronized int queuedCount() {
        return queuedCount;
    }

    /** Lets a running write end within the time given, then interrupts it; true when it ended. */
    boolean stop(long timeout, TimeUnit unit) throws InterruptedException {
        synchronized (this) {
            stopping = true;
            notifyAll();
        }
        thread.join(unit.toMillis(timeout));
        boolean ended = !thread.isAlive();
        thread.interrupt();
        return ended;
    }

    private void run() {
        while (true) {
            String key;
            List<SinkOperation> batch;
            synchronized (this) {
                while (!stopping && (failure != null || queuedCount == 0)) {
                    await();
                }
                if (stopping) {
                    return;
                }
                key = queued.keySet().iterator().next();
                batch = take(key);
                writing = true;
                // A put() waiting for room may go on.
                notifyAll();
            }
            Map<SinkRecord, String> refusedHere = Map.of();
            RuntimeException failed = null;
            try {
                refusedHere = writer.write(batch);
            } catch (ConnectException e) {
                failed = e;
            } catch (RuntimeException | Error e) {
                // Whatever ends a write must reach the task: a writer thread dying silently would leave it waiting.
                failed = new ConnectException("writing to the store failed: " + e, e);
            }
            synchronized (this) {
                writing = false;
                refused.putAll(refusedHere);
                if (failed != null) {
                    failure = failed;
                    putBack(key, batch);
                }
                notifyAll();
            }
        }
    }

    /** Up to batchSize operations of the key. */
    private List<SinkOperation> take(String key) {
        ArrayDeque<SinkOperation> operations = queued.get(key);
        List<SinkOperation> batch = new ArrayList<>(Math.min(batchSize, operations.size()));
        while (batch.size() < batchSize && !operations.isEmpty()) {
            batch.add(operations.poll());
        }
        // Re-inserted at the end when some are left, so that the keys take turns.
        queued.remove(key);
        if (!operations.isEmpty()) {
            queued.put(key, operations);
        }
        queuedCount -= batch.size();
        return batch;
    }

    /** A failed batch goes back before the operations of its key that came after it. */
    private void putBack(String key, List<SinkOperation> batch) {
        ArrayDeque<SinkOperation> operations = queued.computeIfAbsent(key, k -> new ArrayDeque<>());
        for (int i = batch.size() - 1; i >= 0; i--) {
            operations.addFirst(batch.get(i));
        }
        queuedCount += batch.size();
    }

    private void await() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for the store's writes", e);
        }
    }
}
