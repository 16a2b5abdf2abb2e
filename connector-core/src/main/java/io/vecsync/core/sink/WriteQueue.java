/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;

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
    /** Partitions taken from the task: their operations are never written again, not even after a failed batch. */
    private final Set<TopicPartition> dropped = new HashSet<>();

    private RuntimeException failure;
    private boolean stopping;

    /**
     * @param maxQueued operations that may wait besides the batch being written; {@link #awaitRoom} waits while as many wait
     */
    WriteQueue(String threadName, int batchSize, int maxQueued, BatchWriter writer) {
        this.writer = writer;
        this.batchSize = batchSize;
        this.maxQueued = maxQueued;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits while maxQueued operations or more wait, unless the writer failed or stops; false when there is still no
     * room after the timeout.
     */
    synchronized boolean awaitRoom(long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (queuedCount >= maxQueued && failure == null && !stopping) {
            if (!await(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** Queues the operations under their batch keys, in the map's order. */
    synchronized void add(Map<String, List<SinkOperation>> operations) {
        operations.forEach((key, batch) -> {
            queued.computeIfAbsent(key, k -> new ArrayDeque<>()).addAll(batch);
            queuedCount += batch.size();
        });
        notifyAll();
    }

    /**
     * Waits until everything queued is written; false when writes are still under way after the timeout. Throws the
     * failure the writer stopped on, which stays until {@link #resume()}.
     */
    synchronized boolean drain(long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (failure == null && (writing || queuedCount > 0)) {
            if (!await(deadline)) {
                return false;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return true;
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
     * Forgets the operations of these partitions not yet sent to the store, also those of a batch being written should
     * it fail; returns how many were queued. Those of other partitions stay, in order.
     */
    synchronized int drop(Collection<TopicPartition> partitions) {
        dropped.addAll(partitions);
        int before = queuedCount;
        queued.values().forEach(operations -> operations.removeIf(this::isDropped));
        queued.values().removeIf(ArrayDeque::isEmpty);
        queuedCount = queued.values().stream().mapToInt(ArrayDeque::size).sum();
        notifyAll();
        return before - queuedCount;
    }

    /** The ids whose last operation among these is of a partition revoked since (see {@link #drop}). */
    synchronized Set<String> droppedIds(List<SinkOperation> operations) {
        Map<String, Boolean> lastDropped = new LinkedHashMap<>();
        operations.forEach(operation -> lastDropped.put(operation.id(), isDropped(operation)));
        Set<String> ids = new HashSet<>();
        lastDropped.forEach((id, dropped) -> {
            if (dropped) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Partitions given to the task (again): their operations are queued as any others. */
    synchronized void assigned(Collection<TopicPartition> partitions) {
        dropped.removeAll(partitions);
    }

    private boolean isDropped(SinkOperation operation) {
        SinkRecord record = operation.record();
        return dropped.contains(new TopicPartition(record.originalTopic(), record.originalKafkaPartition()));
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

    /** A failed batch goes back before the operations of its key that came after it, but for its dropped partitions'. */
    private void putBack(String key, List<SinkOperation> batch) {
        ArrayDeque<SinkOperation> operations = queued.computeIfAbsent(key, k -> new ArrayDeque<>());
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (!isDropped(batch.get(i))) {
                operations.addFirst(batch.get(i));
                queuedCount++;
            }
        }
        if (operations.isEmpty()) {
            queued.remove(key);
        }
    }

    @SuppressWarnings("WaitNotInLoop") // every caller loops on its condition
    private void await() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for the store's writes", e);
        }
    }

    /** Waits to be notified, at the latest until the deadline ({@link System#nanoTime()}); false once it has passed. */
    private boolean await(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        try {
            TimeUnit.NANOSECONDS.timedWait(this, left);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for the store's writes", e);
        }
    }
}
