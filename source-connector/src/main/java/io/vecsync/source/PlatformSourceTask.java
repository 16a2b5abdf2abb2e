package io.vecsync.source;

import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Walks the platform's listing every poll interval, fetches the embeddings of each video version it has not emitted
 * yet, emits one record per segment, and tombstones the segments of re-processed, deleted or out-of-scope videos.
 */
public class PlatformSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(PlatformSourceTask.class);
    /** Records one poll hands to Connect at most: bounds memory, not throughput. */
    static final int MAX_RECORDS_PER_POLL = 2_000;
    private static final long IDLE_WAIT_MS = 500;

    private PlatformSourceConfig config;
    private SourceMetrics metrics;
    private PlatformClient client;
    private VideoCatalog catalog;
    private SyncLedger ledger;
    private SegmentRecords segmentRecords;
    private SegmentIdScheme idScheme;
    private FailedVideos failedVideos;
    private ExecutorService fetchPool;
    private int fetchConcurrency;
    private long pollIntervalMs;
    private long progressIntervalMs;
    private String taskName;

    private final Deque<Video> toFetch = new ArrayDeque<>();
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private long nextScanAt;
    private long nextProgressAt;

    @Override
    public String version() {
        return AppInfoParser.getVersion();
    }

    @Override
    public void start(Map<String, String> props) {
        PlatformSourceTaskConfig taskConfig = new PlatformSourceTaskConfig(props);
        config = taskConfig;
        taskName = "vecsync source task " + taskConfig.taskShards();
        metrics = new SourceMetrics();
        metrics.register(context.pluginMetrics());
        client = new PlatformClient(config, metrics);
        catalog = new VideoCatalog(client, config.scope(), taskConfig.taskShards(), config.getInt(PlatformSourceConfig.LIST_PAGE_SIZE));
        ledger = new SyncLedger(taskConfig.taskShards(), context.offsetStorageReader());
        segmentRecords = new SegmentRecords(config.vectorEncoding());
        idScheme = config.segmentIdScheme();
        fetchConcurrency = config.getInt(PlatformSourceConfig.FETCH_CONCURRENCY);
        AtomicInteger threads = new AtomicInteger();
        fetchPool = Executors.newFixedThreadPool(fetchConcurrency, runnable -> {
            Thread thread = new Thread(runnable, "vecsync-fetch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pollIntervalMs = config.getLong(PlatformSourceConfig.POLL_INTERVAL_MS);
        failedVideos = new FailedVideos(pollIntervalMs);
        progressIntervalMs = config.getLong(PlatformSourceConfig.PROGRESS_LOG_INTERVAL_MS);
        nextProgressAt = System.currentTimeMillis() + progressIntervalMs;
        log.info("{} started with {} videos of emitted state", taskName, ledger.size());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        long now = System.currentTimeMillis();
        logProgressIfDue(now);
        List<PendingRecord> batch = new ArrayList<>();
        if (toFetch.isEmpty() && inFlight.isEmpty()) {
            if (now < nextScanAt) {
                stopping.await(Math.min(nextScanAt - now, IDLE_WAIT_MS), TimeUnit.MILLISECONDS);
                return null;
            }
            scan(batch);
            nextScanAt = System.currentTimeMillis() + pollIntervalMs;
        }
        startFetches();
        while (!inFlight.isEmpty() && batch.size() < MAX_RECORDS_PER_POLL && stopping.getCount() > 0) {
            InFlight head = inFlight.peek();
            if (!head.result().isDone() && !awaitIfIdle(head, batch)) {
                break;
            }
            inFlight.poll();
            apply(head, batch);
            startFetches();
        }
        metrics.videosPending.set(toFetch.size() + inFlight.size());
        return batch.isEmpty() ? null : ledger.seal(batch);
    }

    @Override
    public void stop() {
        stopping.countDown();
        if (client != null) {
            client.close();
        }
        if (fetchPool != null) {
            fetchPool.shutdownNow();
        }
        if (metrics != null) {
            log.info("{} stopping: {}", taskName, metrics.progressLine());
        }
    }

    /** Finds what to fetch and what to retract by comparing a full listing with the emitted state. */
    private void scan(List<PendingRecord> batch) {
        Map<String, Video> listed;
        try {
            listed = catalog.walk();
        } catch (RetriableException | DataException e) {
            log.warn("{}: listing videos failed, trying again in {} ms: {}", taskName, pollIntervalMs, e.getMessage());
            return;
        }
        metrics.videosDiscovered.set(listed.size());
        for (Video video : listed.values()) {
            enqueueIfNeeded(video);
        }
        for (String videoId : ledger.videoIds()) {
            if (!listed.containsKey(videoId)) {
                confirmAbsence(videoId, batch);
            }
        }
    }

    /** A video with emitted state is missing from the listing: deleted, re-processing, out of scope, or missed by a page shift. */
    private void confirmAbsence(String videoId, List<PendingRecord> batch) {
        Optional<Video> details;
        try {
            details = client.videoDetails(videoId);
        } catch (RetriableException | DataException e) {
            log.warn("{}: could not check video {} missing from the listing, trying again later: {}", taskName, videoId, e.getMessage());
            return;
        }
        if (details.isEmpty() || !catalog.inScope(details.get())) {
            log.info("{}: video {} is {}; retracting its segments", taskName, videoId,
                    details.isEmpty() ? "deleted" : "out of scope");
            retract(videoId, batch);
        } else if (!details.get().searchDone()) {
            VideoState state = ledger.get(videoId);
            if (!state.stale()) {
                log.info("{}: video {} is being re-processed; it is fetched again once done", taskName, videoId);
                ledger.put(videoId, state.markedStale());
            }
        } else {
            enqueueIfNeeded(details.get());
        }
    }

    /** Queues a fetch when the video's version was not emitted yet, unless it failed recently. */
    private void enqueueIfNeeded(Video video) {
        VideoState state = ledger.get(video.id());
        boolean emitted = state != null && !state.stale() && state.scheme() == idScheme && state.version().equals(video.version());
        if (!emitted && failedVideos.due(video.id(), System.currentTimeMillis())) {
            toFetch.add(video);
        }
    }

    private void startFetches() {
        while (inFlight.size() < fetchConcurrency && !toFetch.isEmpty()) {
            Video video = toFetch.poll();
            int dimension = config.embeddingDimension();
            inFlight.add(new InFlight(video, CompletableFuture.supplyAsync(() -> client.videoEmbeddings(video.id(), dimension), fetchPool)));
        }
    }

    /** Waits a little for the oldest fetch when the poll has nothing yet; false when it is still running. */
    private boolean awaitIfIdle(InFlight head, List<PendingRecord> batch) throws InterruptedException {
        if (!batch.isEmpty()) {
            return false;
        }
        try {
            head.result().get(IDLE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
        return true;
    }

    private void apply(InFlight fetched, List<PendingRecord> batch) {
        Video video = fetched.video();
        EmbeddingsResult result;
        try {
            result = fetched.result().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RetriableException || cause instanceof DataException) {
                metrics.videosFailed.increment();
                long delay = failedVideos.failed(video.id(), System.currentTimeMillis());
                log.warn("{}: video {} not synced, trying again in {} s: {}", taskName, video.id(), delay / 1000, cause.getMessage());
                return;
            }
            throw cause instanceof ConnectException connect ? connect : new ConnectException(cause);
        }
        switch (result.outcome()) {
            case READY -> emit(video, result.segments(), batch);
            case NOT_READY -> {
                metrics.videosNotReady.increment();
                long delay = failedVideos.failed(video.id(), System.currentTimeMillis());
                log.info("{}: embeddings of video {} not ready yet (409), trying again in {} s", taskName, video.id(), delay / 1000);
            }
            case NOT_FOUND -> {
                log.info("{}: video {} is gone (404); retracting its segments", taskName, video.id());
                retract(video.id(), batch);
            }
        }
    }

    /** Upserts every segment of the fetched version, then tombstones the emitted segments it no longer has. */
    private void emit(Video video, List<SegmentEmbedding> segments, List<PendingRecord> batch) {
        List<SegmentKey> keys = segments.stream().map(s -> new SegmentKey(s.start(), s.end(), s.option())).toList();
        List<String> ids = idScheme.ids(video.id(), keys);
        for (int i = 0; i < segments.size(); i++) {
            batch.add(new PendingRecord(Shards.of(video.id()), config.topic(), ids.get(i), segmentRecords.valueSchema(),
                    segmentRecords.value(ids.get(i), video, segments.get(i))));
        }
        VideoState previous = ledger.get(video.id());
        if (previous != null) {
            java.util.Set<String> current = new java.util.HashSet<>(ids);
            previous.segmentIds(video.id()).stream().filter(id -> !current.contains(id)).distinct()
                    .forEach(id -> batch.add(tombstone(video.id(), id)));
        }
        ledger.put(video.id(), new VideoState(video.version(), idScheme, false, keys));
        failedVideos.succeeded(video.id());
        metrics.videosSynced.increment();
        metrics.segmentsEmitted.add(segments.size());
    }

    private void retract(String videoId, List<PendingRecord> batch) {
        failedVideos.succeeded(videoId);
        VideoState previous = ledger.get(videoId);
        if (previous == null) {
            return;
        }
        previous.segmentIds(videoId).stream().distinct().forEach(id -> batch.add(tombstone(videoId, id)));
        ledger.remove(videoId);
        metrics.videosRetracted.increment();
    }

    private PendingRecord tombstone(String videoId, String segmentId) {
        metrics.tombstonesEmitted.increment();
        return new PendingRecord(Shards.of(videoId), config.topic(), segmentId, null, null);
    }

    private void logProgressIfDue(long now) {
        if (now >= nextProgressAt) {
            nextProgressAt = now + progressIntervalMs;
            log.info("{}: {}", taskName, metrics.progressLine());
        }
    }

    private record InFlight(Video video, CompletableFuture<EmbeddingsResult> result) {
    }
}
