package io.vecsync.core.sink;

import io.vecsync.core.RetryPolicy;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The sink task every store shares: converts records, collapses each batch per id in Kafka order, writes in bulk,
 * and sorts failures into three classes — a bad record goes to the dead-letter queue (or fails the task naming it);
 * a transient store error is retried with backoff, then handed back to Connect as a RetriableException; anything else
 * fails the task with the store's message.
 */
public abstract class VectorSinkTask extends SinkTask {

    private static final Logger log = LoggerFactory.getLogger(VectorSinkTask.class);

    private CommonSinkConfig config;
    private VectorStore store;
    private RecordConverter converter;
    private RetryPolicy retryPolicy;
    private ErrantRecordReporter reporter;
    private boolean targetReady;
    private final SinkMetrics metrics = new SinkMetrics();

    /** Parses the store module's config: a {@link CommonSinkConfig} built on its extended ConfigDef. */
    protected abstract CommonSinkConfig parseConfig(Map<String, String> props);

    /** Opens the store: connections, writer, admin. */
    protected abstract VectorStore openStore(CommonSinkConfig config);

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
        List<SinkOperation> operations = new ArrayList<>(Math.min(records.size(), config.batchSize()));
        List<Future<Void>> reported = new ArrayList<>();
        for (SinkRecord record : records) {
            try {
                SinkOperation operation = converter.convert(record);
                if (!operation.isDelete()) {
                    check(record, operation.point());
                }
                operations.add(operation);
            } catch (DataException bad) {
                report(record, bad, reported);
            }
            if (operations.size() == config.batchSize()) {
                write(operations, reported);
                operations.clear();
            }
        }
        write(operations, reported);
        awaitReports(reported);
        store.delivered(records.size());
    }

    /** A bad record goes to the dead-letter queue when errors are tolerated; else it fails the task, named. */
    private void report(SinkRecord record, DataException bad, List<Future<Void>> reported) {
        if (reporter == null) {
            throw bad;
        }
        log.warn("sending {} to the dead-letter queue: {}", describe(record), bad.getMessage());
        metrics.errantRecords.increment();
        reported.add(reporter.report(record, bad));
    }

    @Override
    public void stop() {
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

    private void write(List<SinkOperation> operations, List<Future<Void>> reported) {
        if (operations.isEmpty()) {
            return;
        }
        WriteBatch batch = WriteBatch.of(operations);
        long start = System.nanoTime();
        try {
            withRetries("writing " + batch.size() + " points", () -> store.writer().write(batch));
        } catch (RefusedPointsException refused) {
            Map<String, SinkRecord> lastRecordOfId = new java.util.HashMap<>();
            operations.forEach(operation -> lastRecordOfId.put(operation.id(), operation.record()));
            refused.reasons().forEach((id, reason) -> {
                SinkRecord record = lastRecordOfId.get(id);
                report(record, new DataException(describe(record) + ": the store refused point " + id + ": " + reason), reported);
            });
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
                    if (context != null) {
                        context.timeout(retryPolicy.backoffMs(retry));
                    }
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
}
