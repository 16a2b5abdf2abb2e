package io.vecsync.core.sink;

import io.vecsync.core.RetryPolicy;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The sink task every store shares: converts records, collapses each batch per id in Kafka order, writes in bulk,
 * and sorts failures into three classes — a bad record goes to the dead-letter queue (or fails the task naming it);
 * a transient store error is retried with backoff, then handed back to Connect as a RetriableException; anything else
 * fails the task with the store's message.
 *
 * <p>put() hands the converted records to a {@link WriteQueue}, whose thread writes them while Connect fetches and
 * converts the next ones; records that come while a write runs go together into the next (group commit). put() waits
 * only while the queue is full; offset commits and revoked partitions wait for every write, so only written offsets
 * are committed. A write that failed for good is surfaced there, or at the next put().
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
    /** Dead-letter reports not yet known to be written: offsets are committed only after them. */
    private final List<Future<Void>> reported = new ArrayList<>();
    private final SinkMetrics metrics = new SinkMetrics();

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
        return AppInfoParser.getVersion();
    }

    @Override
    public void start(Map<String, String> props) {
        config = parseConfig(props);
        converter = new RecordConverter(config);
        retryPolicy = new RetryPolicy(config.getInt(CommonSinkConfig.RETRY_MAX),
                config.getLong(CommonSinkConfig.RETRY_BACKOFF_MS), config.getLong(CommonSinkConfig.RETRY_BACKOFF_MAX_MS));
        boolean tolerateAll = "all".equalsIgnoreCase(props.getOrDefault(CommonSinkConfig.ERRORS_TOLERANCE, "none").trim());
        reporter = tolerateAll && context != null ? context.errantRecordReporter() : null;
        metrics.register(context == null ? null : context.pluginMetrics());
        store = openStore(config);
        queue = new WriteQueue("vecsync-writer-" + props.getOrDefault("name", "sink"), config.batchSize(),
                QUEUED_BATCHES * config.batchSize(), this::write);
        try {
            prepareTarget();
        } catch (RetriableException unreachable) {
            // Connect fails a task for good on any exception from start(); put() tries again instead.
            log.warn("the store is unreachable at start; preparing the target again before the first write: {}", unreachable.getMessage());
        }
    }

    private void prepareTarget() {
        withRetries("preparing the target", () -> store.admin().ensureTarget(config.dimension()));
        targetReady = true;
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (!targetReady) {
            prepareTarget();
        }
        if (queue.failure() != null) {
            finishWrites();
        }
        Map<String, List<SinkOperation>> operations = new LinkedHashMap<>();
        for (SinkRecord record : records) {
            try {
                SinkOperation operation = converter.convert(record);
                if (!operation.isDelete()) {
                    check(record, operation.point());
                }
                operations.computeIfAbsent(batchesPerTopic() ? record.topic() : "", key -> new ArrayList<>()).add(operation);
            } catch (DataException bad) {
                reported.add(report(record, bad));
            }
        }
        operations.forEach(queue::add);
        store.delivered(records.size());
    }

    /**
     * Waits until every record taken is written, after letting a write that failed transiently go again; throws when
     * a write fails (again): a RetriableException from put() makes Connect redeliver that put()'s records, which come
     * after the failed ones.
     */
    private void finishWrites() {
        if (queue.failure() instanceof RetriableException) {
            log.info("writing again the {} operations of earlier puts, from a write that failed transiently", queue.queuedCount());
            queue.resume();
        }
        try {
            queue.drain();
        } catch (RetriableException transientError) {
            if (context != null) {
                context.timeout(retryPolicy.backoffMs(retryPolicy.maxRetries() + 1));
            }
            throw transientError;
        }
        queue.takeRefused().forEach((record, reason) -> reported.add(report(record, new DataException(describe(record) + ": " + reason))));
        awaitReports();
    }

    /** Waits for the writes, then lets the store make them durable: Connect commits the offsets given to put() next. */
    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        finishWrites();
        store.flush();
    }

    /** Commits nothing while a write is failing transiently: the next put() writes it again first. */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        try {
            flush(currentOffsets);
            return currentOffsets;
        } catch (RetriableException transientError) {
            log.warn("not committing offsets: {}", transientError.getMessage());
            return Map.of();
        }
    }

    /**
     * Before partitions move to another task, the writes of their records must be over: the new owner starts after the
     * last committed offset and must not be overtaken by a late write of ours. Writes that fail transiently are
     * dropped, never committed: the revoked partitions' records go to their next owner, and this task reads its kept
     * partitions again from the first record not written.
     */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (!(queue.failure() instanceof RetriableException)) {
            try {
                finishWrites();
                return;
            } catch (RetriableException failed) {
                // Dropped below, rather than retried while the group waits for this rebalance.
            }
        }
        int unwritten = queue.queuedCount();
        Map<TopicPartition, Long> rewind = queue.dropUnwritten();
        rewind.keySet().removeAll(partitions);
        log.warn("dropping the uncommitted writes of {} records as partitions {} are revoked; reading {} again", unwritten,
                partitions, rewind);
        if (!rewind.isEmpty() && context != null) {
            context.offset(rewind);
        }
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
                    log.warn("a write still running after {} s is interrupted; its records were not committed", STOP_WAIT_SECONDS);
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
        Map<SinkRecord, String> refused = new LinkedHashMap<>();
        long start = System.nanoTime();
        try {
            withRetries("writing " + batch.size() + " points", () -> store.writer().write(batch));
        } catch (RefusedPointsException refusedPoints) {
            Map<String, SinkRecord> lastRecordOfId = new HashMap<>();
            operations.forEach(operation -> lastRecordOfId.put(operation.id(), operation.record()));
            refusedPoints.reasons().forEach((id, reason) -> refused.put(lastRecordOfId.get(id), "the store refused point " + id + ": " + reason));
        }
        metrics.writeNanos.add(System.nanoTime() - start);
        metrics.batches.increment();
        metrics.upserts.add(batch.upserts().size());
        metrics.deletes.add(batch.deletes().size());
        return refused;
    }

    private void withRetries(String what, Runnable action) {
        for (int retry = 1; ; retry++) {
            try {
                action.run();
                return;
            } catch (RetriableException transientError) {
                if (!retryPolicy.allows(retry)) {
                    log.warn("{} still failing after {} retries; Connect will redeliver the batch: {}",
                            what, retryPolicy.maxRetries(), transientError.getMessage());
                    throw transientError;
                }
                long backoff = retryPolicy.backoffMs(retry);
                metrics.retries.increment();
                log.info("{} failed ({}); retry {} of {} in {} ms", what, transientError.getMessage(), retry,
                        retryPolicy.maxRetries(), backoff);
                sleep(backoff);
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
        for (Future<Void> report : reported) {
            try {
                report.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("interrupted while reporting errant records", e);
            } catch (ExecutionException e) {
                throw new ConnectException("could not write to the dead-letter queue", e.getCause());
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
