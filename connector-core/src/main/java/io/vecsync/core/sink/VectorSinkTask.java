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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The sink task every store shares: converts records, collapses each batch per id in Kafka order, writes in bulk,
 * and sorts failures into three classes — a bad record goes to the dead-letter queue (or fails the task naming it);
 * a transient store error is retried with backoff, then handed back to Connect as a RetriableException; anything else
 * fails the task with the store's message.
 *
 * <p>A put()'s writes run on a writer thread of the task's own while Connect fetches and converts the next records,
 * so the store and the converter work at once; the next put() (and every offset commit) waits for them first, which
 * keeps writes in Kafka order and commits only written offsets. A write that failed for good is surfaced there.
 */
public abstract class VectorSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(VectorSinkTask.class);
    private static final long STOP_WAIT_SECONDS = 4;

    private CommonSinkConfig config;
    private VectorStore store;
    private RecordConverter converter;
    private RetryPolicy retryPolicy;
    private ErrantRecordReporter reporter;
    private boolean targetReady;
    private ExecutorService writerThread;
    /** The last put()'s writes, until they are known to be done. */
    private PutWrites unfinished;
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
        String name = props.getOrDefault("name", "vecsync-sink");
        writerThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-writer");
            thread.setDaemon(true);
            return thread;
        });
        store = openStore(config);
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
        finishWrites();
        PutWrites writes = new PutWrites();
        writes.records = records.size();
        Map<String, List<SinkOperation>> open = new HashMap<>();
        for (SinkRecord record : records) {
            writes.firstOffsets.merge(new TopicPartition(record.originalTopic(), record.originalKafkaPartition()),
                    record.originalKafkaOffset(), Math::min);
            try {
                SinkOperation operation = converter.convert(record);
                if (!operation.isDelete()) {
                    check(record, operation.point());
                }
                List<SinkOperation> batch = open.computeIfAbsent(batchesPerTopic() ? record.topic() : "", key -> new ArrayList<>());
                batch.add(operation);
                if (batch.size() == config.batchSize()) {
                    writes.batches.add(List.copyOf(batch));
                    batch.clear();
                }
            } catch (DataException bad) {
                writes.reported.add(report(record, bad));
            }
        }
        open.values().stream().filter(batch -> !batch.isEmpty()).forEach(writes.batches::add);
        writes.result = writes.batches.isEmpty() ? CompletableFuture.completedFuture(null) : writerThread.submit(() -> writeAll(writes));
        unfinished = writes;
        store.delivered(records.size());
    }

    /**
     * Waits for the last put()'s writes; rewrites them here when they failed transiently before, and throws when they
     * fail (again): a RetriableException makes Connect redeliver the current put()'s records, which come after them.
     */
    private void finishWrites() {
        PutWrites writes = unfinished;
        if (writes == null) {
            return;
        }
        try {
            if (writes.failedTransiently) {
                log.info("writing again the {} batches of an earlier put() that failed transiently", writes.batches.size());
                writes.refused.clear();
                writeAll(writes);
            } else {
                awaitResult(writes);
            }
        } catch (RetriableException transientError) {
            writes.failedTransiently = true;
            if (context != null) {
                context.timeout(retryPolicy.backoffMs(retryPolicy.maxRetries() + 1));
            }
            throw transientError;
        }
        for (Map.Entry<SinkRecord, String> refusal : writes.refused.entrySet()) {
            SinkRecord record = refusal.getKey();
            writes.reported.add(report(record, new DataException(describe(record) + ": " + refusal.getValue())));
        }
        awaitReports(writes.reported);
        unfinished = null;
    }

    private static void awaitResult(PutWrites writes) {
        try {
            writes.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("interrupted while waiting for the store's writes", e);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof ConnectException thrown ? thrown
                    : new ConnectException("writing to the store failed: " + failed.getCause(), failed.getCause());
        }
    }

    /** Runs on the writer thread (or the task's, when writing again): every batch of one put(), in order. */
    private Void writeAll(PutWrites writes) {
        for (List<SinkOperation> operations : writes.batches) {
            write(operations, writes.refused);
        }
        return null;
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
     * partitions again from the first record those writes held.
     */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        PutWrites writes = unfinished;
        if (writes == null) {
            return;
        }
        if (!writes.failedTransiently) {
            try {
                finishWrites();
                return;
            } catch (RetriableException failed) {
                // Dropped below, rather than retried while the group waits for this rebalance.
            }
        }
        Map<TopicPartition, Long> rewind = new HashMap<>(writes.firstOffsets);
        rewind.keySet().removeAll(partitions);
        log.warn("dropping the uncommitted writes of {} records as partitions {} are revoked; reading {} again", writes.records,
                partitions, rewind);
        if (!rewind.isEmpty() && context != null) {
            context.offset(rewind);
        }
        unfinished = null;
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
        if (writerThread != null) {
            writerThread.shutdown();
            try {
                if (!writerThread.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("a write still running after {} s is interrupted; its records were not committed", STOP_WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writerThread.shutdownNow();
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

    private void write(List<SinkOperation> operations, Map<SinkRecord, String> refused) {
        WriteBatch batch = WriteBatch.of(operations);
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
    private static void awaitReports(List<Future<Void>> reported) {
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
    }

    private static String describe(SinkRecord record) {
        return "record " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }

    /** The task's counters, for tests and subclasses. */
    protected SinkMetrics metrics() {
        return metrics;
    }

    /**
     * One put()'s batches, the dead-letter reports of its bad records, the points the store refused, and where its
     * records start in each partition.
     */
    private static final class PutWrites {
        final Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        int records;
        final List<List<SinkOperation>> batches = new ArrayList<>();
        final List<Future<Void>> reported = new ArrayList<>();
        final Map<SinkRecord, String> refused = new LinkedHashMap<>();
        Future<Void> result;
        boolean failedTransiently;
    }
}
