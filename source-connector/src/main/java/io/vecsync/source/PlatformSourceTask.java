/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.core.RequiredConnect;
import io.vecsync.core.VecsyncVersion;
import io.vecsync.platform.EmbeddingsResult;
import io.vecsync.platform.PlatformAuthException;
import io.vecsync.platform.PlatformClient;
import io.vecsync.platform.PlatformException;
import io.vecsync.platform.SegmentEmbedding;
import io.vecsync.platform.Video;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches each done video the task has not synced (as {@link Discovery} finds them), emits one record per segment,
 * and tombstones the segments of re-processed, deleted and out-of-scope videos. What it emitted and what Connect
 * wrote of it is kept by the {@link SyncLedger}.
 */
public class PlatformSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(PlatformSourceTask.class);
    /** Records one poll hands to Connect at most: bounds memory, not throughput. */
    static final int MAX_RECORDS_PER_POLL = 2_000;
    /** Videos queued for fetching at most; a walk's pages wait until the queue drains below it. */
    static final int MAX_QUEUED_VIDEOS = 1_000;
    /** How long an idle poll waits for a fetch or a walk to have something before it returns nothing. */
    private static final long IDLE_WAIT_MS = 1_000;
    /** How long a poll waits for fetches to finish before it hands over what it has. */
    private static final long BATCH_WAIT_MS = 250;

    private PlatformSourceConfig config;
    private SourceMetrics metrics;
    private PlatformClient client;
    private VideoScope scope;
    private SyncLedger ledger;
    private Discovery discovery;
    private VideoRecords videoRecords;
    private SegmentIdScheme idScheme;
    private FailedVideos failedVideos;
    private TaskExecutors executors;
    private long progressIntervalMs;
    private String taskName;

    private final Deque<SourceRecord> backlog = new ArrayDeque<>();
    private final Deque<FetchRequest> toFetch = new ArrayDeque<>();
    private final Set<String> queued = new HashSet<>();
    private final Deque<InFlight<FetchRequest, Fetched>> fetches = new ArrayDeque<>();
    private final Deque<Question> toCheck = new ArrayDeque<>();
    private final Deque<InFlight<Question, AbsenceCheck>> checks = new ArrayDeque<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private long nextProgressAt;
    /** Where discovery hands what it finds: the fetch queue and the questions about unlisted videos. */
    private final Discovery.Findings findings = new Discovery.Findings() {
        @Override
        public void fetch(Video listed) {
            queueFetch(listed.id(), listed);
        }

        @Override
        public void fetchById(UUID id) {
            queueFetch(id.toString(), null);
        }

        @Override
        public void check(UUID id, Set<String> collectionMembers) {
            toCheck.add(new Question(id.toString(), collectionMembers));
        }
    };

    @Override
    public String version() {
        return VecsyncVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        PlatformSourceTaskConfig taskConfig = new PlatformSourceTaskConfig(props);
        config = taskConfig;
        taskName = "vecsync source task " + taskConfig.taskShards();
        metrics = new SourceMetrics();
        SourceMetrics.register(metrics, RequiredConnect.pluginMetrics(() -> context.pluginMetrics()));
        client = new PlatformClient(config.platformSettings(), metrics);
        scope = config.scope();
        ledger = new SyncLedger(taskConfig.taskShards(), context.offsetStorageReader());
        backlog.addAll(ledger.migrate(taskConfig.taskShards(), context.offsetStorageReader(), config.topic()));
        videoRecords = new VideoRecords(config.topic(), new SegmentRecords(config.vectorEncoding()));
        idScheme = config.segmentIdScheme();
        executors = new TaskExecutors(config.getInt(PlatformSourceConfig.FETCH_CONCURRENCY));
        long now = System.currentTimeMillis();
        List<Integer> shards = taskConfig.taskShards();
        boolean walksForAll = shards.contains(0) && shards.size() < Shards.COUNT;
        discovery = new Discovery(
                config,
                client,
                ledger,
                metrics,
                executors,
                taskName,
                walksForAll ? new ListingPublisher(context.offsetStorageReader()) : null,
                walksForAll ? new RecentPublisher(context.offsetStorageReader()) : null,
                shards.contains(0) ? null : new SharedReconciliation(shards, context.offsetStorageReader()),
                shards.contains(0) ? null : new SharedRecent(shards, context.offsetStorageReader()),
                now);
        failedVideos = new FailedVideos(config.getLong(PlatformSourceConfig.POLL_INTERVAL_MS));
        progressIntervalMs = config.getLong(PlatformSourceConfig.PROGRESS_LOG_INTERVAL_MS);
        nextProgressAt = now + progressIntervalMs;
        log.info(
                "{} started with {} videos in its index{}",
                taskName,
                ledger.size(),
                backlog.isEmpty() ? "" : " (" + backlog.size() + " offsets to migrate from version 1)");
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        long now = System.currentTimeMillis();
        logProgressIfDue(now);
        ledger.settle();
        if (!backlog.isEmpty()) {
            return drainBacklog();
        }
        List<SourceRecord> records = new ArrayList<>();
        discovery.advance(now, () -> toFetch.size() < MAX_QUEUED_VIDEOS, findings);
        applyChecks(records);
        startFetches();
        applyFetches(records);
        metrics.videosPending.set(toFetch.size() + fetches.size());
        metrics.videosIndexed.set(ledger.size());
        metrics.stateBytes.set(ledger.bytes() + discovery.sharingBytes());
        List<SourceRecord> output = new ArrayList<>(ledger.carriers(config.topic()));
        output.addAll(discovery.drainCarriers());
        output.addAll(records);
        if (output.isEmpty()) {
            if (!discovery.busy()) {
                executors.awaitSignal(IDLE_WAIT_MS);
            }
            return null;
        }
        return output;
    }

    /** Called from the producer's thread once a record is written. */
    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        Object videoId = record.sourcePartition() == null
                ? null
                : record.sourcePartition().get(VideoOffset.PARTITION_KEY);
        if (videoId instanceof String id) {
            ledger.written(id);
        }
    }

    @Override
    public void commit() {
        ledger.committed();
        metrics.offsetCommits.increment();
    }

    @Override
    public void stop() {
        stopping.countDown();
        if (discovery != null) {
            discovery.cancel();
        }
        if (client != null) {
            client.close();
        }
        if (executors != null) {
            executors.close();
        }
        if (metrics != null) {
            log.info("{} stopping: {}", taskName, metrics.progressLine());
        }
    }

    private List<SourceRecord> drainBacklog() {
        List<SourceRecord> batch = new ArrayList<>();
        while (!backlog.isEmpty() && batch.size() < MAX_RECORDS_PER_POLL) {
            batch.add(backlog.poll());
        }
        return batch;
    }

    private void queueFetch(String videoId, Video listed) {
        if (failedVideos.due(videoId, System.currentTimeMillis()) && queued.add(videoId)) {
            toFetch.add(new FetchRequest(videoId, listed));
        }
    }

    // ---- synced videos a full walk did not list

    private void applyChecks(List<SourceRecord> records) {
        while (checks.size() < executors.concurrency() && !toCheck.isEmpty()) {
            Question question = toCheck.poll();
            checks.add(new InFlight<>(question, executors.fetch(() -> AbsenceCheck.ask(client, question.videoId()))));
        }
        List<String> retract = new ArrayList<>();
        while (!checks.isEmpty() && checks.peek().result().isDone()) {
            InFlight<Question, AbsenceCheck> check = checks.poll();
            String videoId = check.request().videoId();
            try {
                switch (check.result().join().outcome(scope, check.request().collectionMembers())) {
                    case GONE, OUT_OF_SCOPE -> retract.add(videoId);
                    case REPROCESSING -> {
                        log.info(
                                "{}: video {} is being re-processed; it is fetched again once done", taskName, videoId);
                        ledger.markStale(UUID.fromString(videoId));
                    }
                    case PRESENT -> {
                        if (check.request().collectionMembers() == null) {
                            failed(
                                    videoId,
                                    "video " + videoId + " is done per its details and status, but its"
                                            + " embeddings answer 404; its segments stay");
                        }
                        // Otherwise missed by a page shift: the next walk lists it.
                    }
                }
            } catch (CompletionException e) {
                isolate(videoId, "could not check video " + videoId + " missing from the listing", e.getCause());
                // Unknown is treated as re-processing: its segments stay, and it is fetched again once listed done.
                ledger.markStale(UUID.fromString(videoId));
            }
        }
        if (!retract.isEmpty()) {
            Map<String, Optional<VideoOffset>> previous = ledger.previous(retract);
            retract.forEach(videoId -> retract(videoId, previous.get(videoId), records));
        }
    }

    // ---- fetches

    private void startFetches() {
        int dimension = config.embeddingDimension();
        while (fetches.size() < executors.concurrency() && !toFetch.isEmpty()) {
            FetchRequest request = toFetch.poll();
            fetches.add(new InFlight<>(request, executors.fetch(() -> fetch(request, dimension))));
        }
    }

    /**
     * Takes the fetches that finish within {@link #BATCH_WAIT_MS}, up to about {@link #MAX_RECORDS_PER_POLL} records.
     * Connect copies every source partition written since its last offset commit at each poll, and every video is a
     * partition: fewer, fuller polls keep that copy from becoming the task's main work.
     */
    private void applyFetches(List<SourceRecord> records) throws InterruptedException {
        List<InFlight<FetchRequest, Fetched>> done = new ArrayList<>();
        long deadline = System.currentTimeMillis() + BATCH_WAIT_MS;
        int segments = records.size();
        while (!fetches.isEmpty() && segments < MAX_RECORDS_PER_POLL && stopping.getCount() > 0) {
            InFlight<FetchRequest, Fetched> head = fetches.peek();
            if (!head.result().isDone() && !awaitUntil(head, deadline)) {
                break;
            }
            done.add(fetches.poll());
            segments += head.result().isCompletedExceptionally()
                    ? 0
                    : head.result().join().embeddings().segments().size();
            startFetches();
        }
        if (done.isEmpty()) {
            return;
        }
        Map<String, Optional<VideoOffset>> previous =
                ledger.previous(done.stream().map(f -> f.request().videoId()).toList());
        for (InFlight<FetchRequest, Fetched> fetched : done) {
            queued.remove(fetched.request().videoId());
            apply(fetched, previous.get(fetched.request().videoId()), records);
        }
    }

    /** Waits for the oldest fetch until the deadline; false when it is still running then. */
    private boolean awaitUntil(InFlight<?, ?> head, long deadline) throws InterruptedException {
        try {
            head.result().get(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
        return true;
    }

    /**
     * The video's details when only its id is known (a shared walk listed it), and whether its search-process is done
     * per the documented status endpoint (the details define no such field), then its embeddings. Gone or not done: no
     * embeddings call, as the platform keeps the credit of a 409.
     */
    private Fetched fetch(FetchRequest request, int dimension) {
        Video video = request.listed();
        if (video == null) {
            video = client.videoDetails(request.videoId()).orElse(null);
            Optional<Boolean> done = video == null ? Optional.empty() : client.searchProcessDone(request.videoId());
            if (done.isEmpty()) {
                return new Fetched(null, new EmbeddingsResult(EmbeddingsResult.Outcome.NOT_FOUND, List.of()));
            }
            if (!done.get()) {
                return new Fetched(video, new EmbeddingsResult(EmbeddingsResult.Outcome.NOT_READY, List.of()));
            }
        }
        return new Fetched(video, client.videoEmbeddings(request.videoId(), dimension));
    }

    private void apply(
            InFlight<FetchRequest, Fetched> fetched, Optional<VideoOffset> previous, List<SourceRecord> records) {
        String videoId = fetched.request().videoId();
        Fetched answer;
        try {
            answer = fetched.result().join();
        } catch (CompletionException e) {
            isolate(videoId, "video " + videoId + " not synced", e.getCause());
            return;
        }
        Video video = answer.video();
        EmbeddingsResult result = answer.embeddings();
        boolean synced = ledger.isSynced(UUID.fromString(videoId));
        switch (result.outcome()) {
            case READY -> {
                if (result.segments().isEmpty()
                        && previous.filter(p -> !p.segments().isEmpty()).isPresent()) {
                    notReady(
                            videoId,
                            "its embeddings came back empty although it had "
                                    + previous.get().segments().size() + " segments; nothing is retracted");
                } else {
                    try {
                        emit(video, result.segments(), previous, records);
                    } catch (IllegalArgumentException | DataException e) {
                        // A value the records cannot hold: this video only, like a malformed response.
                        failed(video.id(), "video " + video.id() + " not synced", e);
                    }
                }
            }
            case NOT_READY -> notReady(videoId, "its embeddings are not ready yet");
            case NOT_FOUND -> {
                if (synced && video == null) {
                    log.info("{}: video {} is gone (details 404); retracting its segments", taskName, videoId);
                    retract(videoId, previous, records);
                } else if (synced) {
                    // The listing says done and the embeddings say 404: only the platform's details and status say
                    // gone.
                    toCheck.add(new Question(videoId, null));
                } else {
                    notReady(videoId, "it is listed, but its embeddings are not found (404)");
                }
            }
        }
    }

    /** Upserts every segment of the fetched version, then tombstones the emitted segments it no longer has. */
    private void emit(
            Video video, List<SegmentEmbedding> segments, Optional<VideoOffset> previous, List<SourceRecord> records) {
        UUID id = UUID.fromString(video.id());
        List<SegmentKey> keys = segments.stream()
                .map(s -> new SegmentKey(s.start(), s.end(), s.option()))
                .toList();
        VideoOffset next = new VideoOffset(idScheme, Fingerprints.of(segments), keys);
        if (previous.isPresent() && previous.get().equals(next)) {
            failedVideos.succeeded(video.id());
            ledger.unchanged(id);
            metrics.videosUnchanged.increment();
            return;
        }
        List<String> ids = idScheme.ids(video.id(), keys);
        Set<String> current = new HashSet<>(ids);
        List<String> retracted = previous.map(p -> p.segmentIds(video.id()).stream()
                        .filter(segmentId -> !current.contains(segmentId))
                        .distinct()
                        .toList())
                .orElse(List.of());
        List<SourceRecord> version = videoRecords.version(
                video,
                segments,
                ids,
                retracted,
                previous.map(VideoOffset::toMap).orElse(null),
                keys.isEmpty() ? null : next.toMap());
        failedVideos.succeeded(video.id());
        ledger.writing(id, keys.isEmpty() ? null : next, version.size(), previous.isPresent());
        records.addAll(version);
        metrics.videosSynced.increment();
        metrics.segmentsEmitted.add(segments.size());
        metrics.tombstonesEmitted.add(retracted.size());
    }

    private void retract(String videoId, Optional<VideoOffset> previous, List<SourceRecord> records) {
        UUID id = UUID.fromString(videoId);
        failedVideos.succeeded(videoId);
        if (!ledger.isSynced(id) || ledger.isRetracting(id)) {
            return;
        }
        List<String> ids = previous.map(
                        p -> p.segmentIds(videoId).stream().distinct().toList())
                .orElse(List.of());
        List<SourceRecord> tombstones = videoRecords.retraction(
                videoId, ids, previous.map(VideoOffset::toMap).orElse(null));
        ledger.retracting(id, tombstones.size());
        records.addAll(tombstones);
        metrics.videosRetracted.increment();
        metrics.tombstonesEmitted.add(tombstones.size());
    }

    private void notReady(String videoId, String why) {
        metrics.videosNotReady.increment();
        long delay = failedVideos.failed(videoId, System.currentTimeMillis());
        log.info("{}: video {}: {}; trying again in {} s", taskName, videoId, why, delay / 1000);
    }

    /** One video's failure: reported, counted and backed off; only a rejected API key fails the task. */
    private void isolate(String videoId, String what, Throwable cause) {
        if (cause instanceof PlatformAuthException auth) {
            throw new ConnectException(auth.getMessage(), auth);
        }
        if (!(cause instanceof PlatformException)) {
            throw new ConnectException(what + ": " + cause, cause);
        }
        failed(videoId, what, cause);
    }

    private void failed(String videoId, String what, Throwable cause) {
        failed(videoId, what + ": " + cause.getMessage());
    }

    private void failed(String videoId, String what) {
        metrics.videosFailed.increment();
        long delay = failedVideos.failed(videoId, System.currentTimeMillis());
        log.warn("{}: {}, trying again in {} s", taskName, what, delay / 1000);
    }

    private void logProgressIfDue(long now) {
        if (now >= nextProgressAt) {
            nextProgressAt = now + progressIntervalMs;
            log.info("{}: {}", taskName, metrics.progressLine());
        }
    }

    /** A video to fetch: listed with its details, or known by id only (from a shared walk). */
    private record FetchRequest(String videoId, Video listed) {}

    /** A fetched video: its details (null when gone) and its embeddings. */
    private record Fetched(Video video, EmbeddingsResult embeddings) {}

    /**
     * A synced video to ask the platform about: one a complete walk did not list, with the collection members that
     * walk read, or one whose embeddings answered 404, with null members: its membership is left to the next full walk.
     */
    private record Question(String videoId, Set<String> collectionMembers) {}

    /** A platform call under way for one video. */
    private record InFlight<R, T>(R request, CompletableFuture<T> result) {}
}
