/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.core.sink;

import io.vecsync.core.RequiredConnect;
import io.vecsync.core.RetryPolicy;
import io.vecsync.core.VecsyncVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink task every store shares: converts records, collapses each batch per id in Kafka order, writes in bulk,
 * and sorts failures into three classes — a bad record goes to the dead-letter queue (or fails the task naming it);
 * a transient store error is retried with backoff, then handed back to Connect as a RetriableException; anything else
 * fails the task with the store's message.
 *
 * <p>put() hands the converted records to a {@link WriteQueue}, whose thread writes them while Connect fetches and
 * converts the next ones; records that come while a write runs go together into the next (group commit). put() waits
 * only while the queue is full; offset commits and revoked partitions wait for every write, so only written offsets
 * are committed. Every wait for the writer ends after flush.timeout.ms. A write that failed for good is surfaced at the
 * next put(), which fails the task: Connect takes an exception from an offset commit for a reason to read the records
 * again, which would write and fail them again forever.
 */
public abstract class VectorSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(VectorSinkTask.class);
    private static final long STOP_WAIT_SECONDS = 4;
    /** Batches' worth of operations that may wait for the writer: one to fill the next write, one for the fetch after. */
    private static final int QUEUED_BATCHES = 2;

    private CommonSinkConfig config;
    private VectorStore store;
    private RecordConverter converter;
    private RetryPolicy retryPolicy;
    private ErrantRecordReporter reporter;
    private boolean targetReady;
    private WriteQueue queue;
    private long waitMs;
    /** Dead-letter reports not yet known to be written: offsets are committed only after them. */
    private final List<Future<Void>> reported = new ArrayList<>();

    private final SinkMetrics metrics = new SinkMetrics();
    /** A failure no retry can fix that came up in an offset commit: nothing is committed after it, the next put() throws it. */
    private ConnectException fatal;

    /** Parses the store module's config: a {@link CommonSinkConfig} built on its extended ConfigDef. */
    protected abstract CommonSinkConfig parseConfig(Map<String, String> props);

    /** Opens the store: connections, writer, admin. */
    protected abstract VectorStore openStore(CommonSinkConfig config);

    /**
     * Whether each batch holds the records of one topic (see {@link WriteBatch#topic()}), for a store that writes each
     * topic to a target of its own: the same id in two topics is then two points, never collapsed into one.
     */
    protected boolean batchesPerTopic() {
        return false;
    }

    @Override
    public String version() {
        return VecsyncVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = parseConfig(props);
        converter = new RecordConverter(config);
        retryPolicy = new RetryPolicy(
                config.getInt(CommonSinkConfig.RETRY_MAX),
                config.getLong(CommonSinkConfig.RETRY_BACKOFF_MS),
                config.getLong(CommonSinkConfig.RETRY_BACKOFF_MAX_MS));
        waitMs = config.getLong(CommonSinkConfig.FLUSH_TIMEOUT_MS);
        boolean tolerateAll = "all"
                .equalsIgnoreCase(props.getOrDefault(CommonSinkConfig.ERRORS_TOLERANCE, "none")
                        .trim());
        reporter = tolerateAll && context != null ? context.errantRecordReporter() : null;
        metrics.register(pluginMetrics());
        store = openStore(config);
        queue = new WriteQueue(
                "vecsync-writer-" + props.getOrDefault("name", "sink"),
                config.batchSize(),
                QUEUED_BATCHES * config.batchSize(),
                this::write);
        try {
            prepareTarget();
        } catch (RetriableException unreachable) {
            // Connect fails a task for good on any exception from start(); put() tries again instead.
            log.warn(
                    "the store is unreachable at start; preparing the target again before the first write: {}",
                    unreachable.getMessage());
        }
    }

    /** Connect's plugin metrics; a worker older than 4.1 has none, and fails the task with a sentence rather than a stack. */
    private PluginMetrics pluginMetrics() {
        if (context == null) {
            return null;
        }
        return RequiredConnect.pluginMetrics(() -> context.pluginMetrics());
    }

    private void prepareTarget() {
        withRetries("preparing the target", () -> store.admin().ensureTarget(config.dimension()));
        targetReady = true;
    }

    /**
     * Queues the records for the writer. A failure no retry can fix fails the task, and is kept: Connect still asks to
     * commit offsets as the task stops, and nothing is to be committed past it.
     */
    @Override
    public void put(Collection<SinkRecord> records) {
        if (fatal != null) {
            throw fatal;
        }
        try {
            take(records);
        } catch (RetriableException transientError) {
            throw transientError;
        } catch (ConnectException lasting) {
            fatal = lasting;
            throw lasting;
        }
    }

    private void take(Collection<SinkRecord> records) {
        if (!targetReady) {
            prepareTarget();
        }
        if (queue.failure() != null) {
            finishWrites();
        }
        reportRefused();
        if (!queue.awaitRoom(waitMs)) {
            throw behind("room for more records");
        }
        Map<String, List<SinkOperation>> operations = new LinkedHashMap<>();
        for (SinkRecord record : records) {
            try {
                SinkOperation operation = converter.convert(record);
                if (!operation.isDelete()) {
                    check(record, operation.point());
                }
                operations
                        .computeIfAbsent(batchesPerTopic() ? record.topic() : "", key -> new ArrayList<>())
                        .add(operation);
            } catch (DataException bad) {
                reported.add(report(record, bad));
            }
        }
        queue.add(operations);
        store.delivered(records.size());
    }

    /**
     * Waits until every record taken is written, after letting a write that failed transiently go again; throws when
     * a write fails (again), or as a RetriableException when the writes take longer than flush.timeout.ms: a
     * RetriableException from put() makes Connect redeliver that put()'s records, which come after the others.
     */
    private void finishWrites() {
        if (queue.failure() instanceof RetriableException) {
            log.info(
                    "writing again the {} operations of earlier puts, from a write that failed transiently",
                    queue.queuedCount());
            queue.resume();
        }
        boolean drained;
        try {
            drained = queue.drain(waitMs);
        } catch (RetriableException transientError) {
            askForBackoff();
            throw transientError;
        }
        if (!drained) {
            throw behind("the writes under way");
        }
        reportRefused();
        awaitReports();
    }

    /** Waited flush.timeout.ms in vain: Connect is to come back later; the writes go on meanwhile. */
    private RetriableException behind(String what) {
        askForBackoff();
        return new RetriableException("waited " + waitMs + " ms (" + CommonSinkConfig.FLUSH_TIMEOUT_MS + ") for " + what
                + "; " + queue.queuedCount() + " operations are waiting to be written");
    }

    private void askForBackoff() {
        if (context != null) {
            context.timeout(retryPolicy.backoffMs(retryPolicy.maxRetries() + 1));
        }
    }

    /** The records whose points the store refused go to the dead-letter queue, or fail the task. */
    private void reportRefused() {
        queue.takeRefused()
                .forEach((record, reason) ->
                        reported.add(report(record, new DataException(describe(record) + ": " + reason))));
    }

    /** Waits for the writes, then lets the store make them durable; throws what a write threw. */
    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        finishWrites();
        store.flush();
    }

    /**
     * Commits the offsets once their records are written and durable; nothing while a write fails transiently (the next
     * put() writes it again first) or takes longer than flush.timeout.ms. A failure a retry cannot fix — a record the
     * store refused without tolerance, a failed dead-letter report — is kept for the next put() to fail the task with,
     * and nothing is committed after it.
     */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        if (fatal != null) {
            return Map.of();
        }
        try {
            flush(currentOffsets);
            return currentOffsets;
        } catch (RetriableException transientError) {
            log.warn("not committing offsets: {}", transientError.getMessage());
        } catch (ConnectException lasting) {
            fatal = lasting;
        } catch (RuntimeException unexpected) {
            fatal = new ConnectException("making the writes durable failed: " + unexpected, unexpected);
        }
        if (fatal != null) {
            log.error("not committing offsets, and failing the task at the next put(): {}", fatal.getMessage());
        }
        return Map.of();
    }

    /** Partitions given to the task, maybe again after a rebalance took them away. */
    @Override
    public void open(Collection<TopicPartition> partitions) {
        queue.assigned(partitions);
    }

    /**
     * Before partitions move to another task, the writes of their records must be over: the new owner starts after the
     * last committed offset and must not be overtaken by a late write of ours. When they are not over within
     * flush.timeout.ms, or fail, the revoked partitions' writes not yet sent are dropped, uncommitted: their next owner
     * writes them. The kept partitions' writes stay queued, in order, so none of their offsets is committed before
     * their records are written (an incremental cooperative rebalance revokes some partitions and keeps the others).
     */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (fatal == null && !(queue.failure() instanceof RetriableException)) {
            try {
                finishWrites();
                return;
            } catch (RetriableException failed) {
                // Dropped below, rather than retried while the group waits for this rebalance.
            } catch (ConnectException lasting) {
                fatal = lasting;
            }
        }
        int dropped = queue.drop(partitions);
        log.warn(
                "dropping the uncommitted writes of {} records as partitions {} are revoked; their next owner writes them",
                dropped,
                partitions);
    }

    /** A bad record goes to the dead-letter queue when errors are tolerated; else it fails the task, named. */
    private Future<Void> report(SinkRecord record, DataException bad) {
        if (reporter == null) {
            throw bad;
        }
        log.warn("sending {} to the dead-letter queue: {}", describe(record), bad.getMessage());
        metrics.errantRecords.increment();
        return reporter.report(record, bad);
    }

    /** Gives a running write a few seconds to end (Connect waits for tasks about as long), then interrupts it. */
    @Override
    public void stop() {
        if (queue != null) {
            try {
                if (!queue.stop(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    log.warn(
                            "a write still running after {} s is interrupted; its records were not committed",
                            STOP_WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (store != null) {
            store.close();
        }
    }

    private void check(SinkRecord record, VectorPoint point) {
        try {
            store.writer().check(point);
        } catch (DataException unfit) {
            throw new DataException(describe(record) + ", " + unfit.getMessage(), unfit);
        }
    }

    /** Runs on the writer thread: one batch, with retries; returns the records whose points the store refused. */
    private Map<SinkRecord, String> write(List<SinkOperation> operations) {
        WriteBatch batch = WriteBatch.of(operations);
        Map<String, String> refusedIds = new LinkedHashMap<>();
        long start = System.nanoTime();
        writeIsolatingRefusals(batch, operations, refusedIds);
        metrics.writeNanos.add(System.nanoTime() - start);
        metrics.batches.increment();
        metrics.upserts.add(batch.upserts().size());
        metrics.deletes.add(batch.deletes().size());
        Map<String, SinkRecord> lastRecordOfId = new HashMap<>();
        operations.forEach(operation -> lastRecordOfId.put(operation.id(), operation.record()));
        Map<SinkRecord, String> refused = new LinkedHashMap<>();
        refusedIds.forEach(
                (id, reason) -> refused.put(lastRecordOfId.get(id), "the store refused point " + id + ": " + reason));
        return refused;
    }

    /** Writes the batch; a batch refused whole for a point in it is written again in halves, down to that point alone. */
    private void writeIsolatingRefusals(WriteBatch batch, List<SinkOperation> operations, Map<String, String> refused) {
        AtomicReference<WriteBatch> pending = new AtomicReference<>(batch);
        try {
            withRetries(
                    "writing " + batch.size() + " points",
                    () -> store.writer().write(pending.get()),
                    () -> leaveOutRevoked(pending, operations));
        } catch (RefusedPointsException refusedPoints) {
            refused.putAll(refusedPoints.reasons());
        } catch (RefusedBatchException refusedBatch) {
            WriteBatch whole = pending.get();
            if (whole.size() == 1) {
                refused.put(whole.ids().get(0), refusedBatch.getMessage());
                return;
            }
            log.info(
                    "the store refused a batch of {} points for a point in it; writing it in halves: {}",
                    whole.size(),
                    refusedBatch.getMessage());
            whole.halves().forEach(half -> writeIsolatingRefusals(half, operations, refused));
        }
    }

    /**
     * Before a write is tried again: leaves out the points of partitions revoked meanwhile, which their next owner
     * writes from the last committed offset (a late write of ours could overwrite its newer values); false when none is
     * left to write.
     */
    private boolean leaveOutRevoked(AtomicReference<WriteBatch> pending, List<SinkOperation> operations) {
        WriteBatch before = pending.get();
        WriteBatch left = before.without(queue.droppedIds(operations));
        if (left.size() < before.size()) {
            log.info(
                    "leaving {} points of revoked partitions out of the retry: their next owner writes them",
                    before.size() - left.size());
        }
        pending.set(left);
        return !left.isEmpty();
    }

    private void withRetries(String what, Runnable action) {
        withRetries(what, action, () -> true);
    }

    /** Runs the action, retrying transient failures; stops without a retry when {@code beforeRetry} says none is wanted. */
    private void withRetries(String what, Runnable action, BooleanSupplier beforeRetry) {
        for (int retry = 1; ; retry++) {
            try {
                action.run();
                return;
            } catch (RetriableException transientError) {
                if (!retryPolicy.allows(retry)) {
                    log.warn(
                            "{} still failing after {} retries; Connect will redeliver the batch: {}",
                            what,
                            retryPolicy.maxRetries(),
                            transientError.getMessage());
                    throw transientError;
                }
                long backoff = retryPolicy.backoffMs(retry);
                metrics.retries.increment();
                log.info(
                        "{} failed ({}); retry {} of {} in {} ms",
                        what,
                        transientError.getMessage(),
                        retry,
                        retryPolicy.maxRetries(),
                        backoff);
                sleep(backoff);
                if (!beforeRetry.getAsBoolean()) {
                    return;
                }
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while backing off", e);
        }
    }

    /** Offsets may only be committed once the dead-letter queue has the bad records. */
    private void awaitReports() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        for (Future<Void> report : reported) {
            try {
                report.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("interrupted while reporting errant records", e);
            } catch (ExecutionException e) {
                throw new ConnectException("could not write to the dead-letter queue", e.getCause());
            } catch (TimeoutException e) {
                throw behind("the dead-letter queue");
            }
        }
        reported.clear();
    }

    private static String describe(SinkRecord record) {
        return "record " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }

    /** The task's counters, for tests and subclasses. */
    protected SinkMetrics metrics() {
        return metrics;
    }
}
