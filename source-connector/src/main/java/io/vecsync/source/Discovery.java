/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.platform.PlatformAuthException;
import io.vecsync.platform.PlatformClient;
import io.vecsync.platform.PlatformRejectedException;
import io.vecsync.platform.Video;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when to walk the listing and what a walk's pages mean: a recent walk every poll interval; a full one at the
 * reconciliation interval, the first one full (a re-verifying one at the re-verification interval). With more than one
 * task only the task owning shard 0 walks, recent and full walks alike, and shares them through source offsets; the
 * others take from what it shared, and walk themselves only on their first start, when fetching what it found one by
 * one would cost more than a walk, or when it shared nothing for a while.
 */
final class Discovery {

    private static final Logger log = LoggerFactory.getLogger(Discovery.class);
    /** How long past the reconciliation interval a task waits for a shared walk before it walks itself. */
    static final long SHARED_WALK_GRACE_MS = 10 * 60_000;
    /** How long a task waits for a newer shared recent walk before it walks the recent listing itself. */
    static final long SHARED_RECENT_GRACE_MS = 5 * 60_000;
    /** Index buckets the sweep after a full walk visits a poll: a poll's work does not grow with the library. */
    static final int SWEEP_BUCKETS_PER_POLL = 256;

    /** What discovery finds, for the task to act on. */
    interface Findings {
        /** A listed done video the task must fetch. */
        void fetch(Video listed);

        /** A done video a shared walk listed that the task must fetch; its details are not known yet. */
        void fetchById(UUID id);

        /** A synced video a complete walk did not list, to ask the platform about; judged against these members. */
        void check(UUID id, Set<String> collectionMembers);
    }

    private final PlatformClient client;
    private final VideoScope scope;
    private final SyncLedger ledger;
    private final SourceMetrics metrics;
    private final TaskExecutors executors;
    private final String taskName;
    private final int pageSize;
    private final long pollIntervalMs;
    private final long reconciliationIntervalMs;
    private final long recentWindowMs;
    private final long reverifyIntervalMs;
    private final String topic;
    /** Set on the task that walks for all; null on the others and on a task that owns every shard. */
    private final ListingPublisher publisher;
    /** Set on the task that walks for all; null on the others and on a task that owns every shard. */
    private final RecentPublisher recentPublisher;
    /** Set on the tasks that reconcile from the shared walks; null on the walking task. */
    private final SharedReconciliation shared;
    /** Set on the tasks that take new videos from the shared recent walks; null on the walking task. */
    private final SharedRecent sharedRecent;

    private final List<SourceRecord> carriers = new ArrayList<>();
    private final long recentGraceMs;

    private ListingWalk walk;
    private long walkStartedAt;
    private Instant walkStartTime;
    /** The shared full walk's carriers, being built on the discovery thread; null when none is. */
    private CompletableFuture<List<SourceRecord>> publishing;

    private boolean reconcilingSweep;
    private boolean verifying;
    private Set<String> collectionMembers = new HashSet<>();
    private boolean membersComplete;
    private boolean membersReadThisWalk;
    private Instant newestSeen;
    private long nextRecentWalkAt;
    private long nextFullWalkAt;
    private long nextVerifyAt;
    private long nextSharedLookAt;
    private long lastSharedAt;
    private long lastRecentSharedAt;
    private Instant sharedRecentStart;
    private boolean walkingRecentItself;

    Discovery(
            PlatformSourceConfig config,
            PlatformClient client,
            SyncLedger ledger,
            SourceMetrics metrics,
            TaskExecutors executors,
            String taskName,
            ListingPublisher publisher,
            RecentPublisher recentPublisher,
            SharedReconciliation shared,
            SharedRecent sharedRecent,
            long now) {
        this.client = client;
        this.scope = config.scope();
        this.ledger = ledger;
        this.metrics = metrics;
        this.executors = executors;
        this.taskName = taskName;
        this.pageSize = config.getInt(PlatformSourceConfig.LIST_PAGE_SIZE);
        this.pollIntervalMs = config.getLong(PlatformSourceConfig.POLL_INTERVAL_MS);
        this.reconciliationIntervalMs = config.getLong(PlatformSourceConfig.RECONCILIATION_INTERVAL_MS);
        this.recentWindowMs = config.getLong(PlatformSourceConfig.RECENT_WINDOW_MS);
        this.reverifyIntervalMs = config.getLong(PlatformSourceConfig.REVERIFY_INTERVAL_MS);
        this.topic = config.topic();
        this.publisher = publisher;
        this.recentPublisher = recentPublisher;
        this.shared = shared;
        this.sharedRecent = sharedRecent;
        // The walker's recent walks become readable after its next offset flush, and none runs during its full walks.
        this.recentGraceMs = Math.max(SHARED_RECENT_GRACE_MS, 3 * pollIntervalMs);
        // The first walk is a full one: it finds what changed while the task was not running. A task that reconciles
        // from shared walks has one to start from, unless none was ever shared.
        this.nextFullWalkAt = shared != null && shared.anyShared() ? Long.MAX_VALUE : now;
        this.lastSharedAt = now;
        this.lastRecentSharedAt = now;
        this.nextVerifyAt = reverifyIntervalMs > 0 ? now + reverifyIntervalMs : Long.MAX_VALUE;
    }

    /**
     * Starts a walk when one is due and takes in the pages that arrived, while {@code hasRoom} says the task can
     * queue more videos.
     *
     * @throws ConnectException when the platform refuses the API key or the collection in scope does not exist
     */
    void advance(long now, BooleanSupplier hasRoom, Findings findings) {
        sweep();
        if (shared != null && now >= nextSharedLookAt && (walk == null || walk.kind() != ListingWalk.Kind.FULL)) {
            nextSharedLookAt = now + pollIntervalMs;
            reconcileFromSharedWalk(now, findings);
            takeSharedRecentWalk(now, findings);
        }
        if (walk == null) {
            startWalkIfDue(now);
        }
        while (walk != null && hasRoom.getAsBoolean()) {
            ListingWalk.Event event = walk.next();
            if (event == null) {
                return;
            }
            if (event instanceof ListingWalk.Members members) {
                takeMembers(members);
            } else if (event instanceof ListingWalk.Page page) {
                page.videos().forEach(video -> consider(video, findings));
            } else if (event instanceof ListingWalk.End end) {
                endWalk(end, now, findings);
            }
        }
    }

    /** Bytes of what the task collects to share: the ids of the full walk under way. */
    long sharingBytes() {
        return publisher == null || publishing != null ? 0 : publisher.bytes();
    }

    /** Whether work is left for the next poll even if nothing arrives: the sweep after a full walk. */
    boolean busy() {
        return ledger.sweeping();
    }

    /** The carriers of a walk to share; they go out with the next poll. */
    List<SourceRecord> drainCarriers() {
        if (publishing != null && publishing.isDone()) {
            try {
                carriers.addAll(publishing.join());
            } catch (CompletionException e) {
                throw new ConnectException(taskName + ": sharing a walk of the listing failed: " + e.getCause(), e);
            } finally {
                publishing = null;
            }
        }
        List<SourceRecord> drained = List.copyOf(carriers);
        carriers.clear();
        return drained;
    }

    void cancel() {
        if (walk != null) {
            walk.cancel();
        }
    }

    /** Sweeps a few more index buckets after a full walk; counts the reconciliation once all are asked about. */
    private void sweep() {
        if (ledger.sweeping()) {
            ledger.sweepUnlisted(SWEEP_BUCKETS_PER_POLL);
            if (!ledger.sweeping() && reconcilingSweep) {
                reconcilingSweep = false;
                metrics.reconciliations.increment();
            }
        }
    }

    private void startWalkIfDue(long now) {
        ListingWalk.Kind kind;
        Instant startTime = scope.createdAfter();
        boolean fullDue = now >= nextFullWalkAt || now >= nextVerifyAt;
        if (fullDue && (ledger.sweeping() || publishing != null)) {
            // The last full walk is still being swept or shared: the next one starts after that.
            return;
        }
        if (fullDue) {
            kind = ListingWalk.Kind.FULL;
            verifying = now >= nextVerifyAt;
            ledger.beginFullWalk();
            membersReadThisWalk = false;
            metrics.fullWalks.increment();
            walkStartedAt = now;
            if (publisher != null) {
                publisher.begin();
            }
        } else if (shared != null && now - lastSharedAt > reconciliationIntervalMs + SHARED_WALK_GRACE_MS) {
            log.warn(
                    "{}: no walk of the listing was shared for {} s; walking it here",
                    taskName,
                    (now - lastSharedAt) / 1000);
            lastSharedAt = now;
            nextFullWalkAt = now;
            return;
        } else if (now >= nextRecentWalkAt && recentStart() != null && !recentWalkShared(now)) {
            kind = ListingWalk.Kind.RECENT;
            Instant recentStart = recentStart();
            startTime = startTime == null || recentStart.isAfter(startTime) ? recentStart : startTime;
            metrics.recentWalks.increment();
            if (recentPublisher != null) {
                recentPublisher.begin();
            }
        } else {
            return;
        }
        walkStartTime = startTime;
        walk = new ListingWalk(kind, client, scope, startTime, pageSize, executors::signal);
        executors.discover(walk);
    }

    /** Where a recent walk starts: a window before the newest video seen, or where the shared one started. */
    private Instant recentStart() {
        Instant own = newestSeen == null ? null : newestSeen.minusMillis(recentWindowMs);
        if (own == null || (sharedRecentStart != null && sharedRecentStart.isAfter(own))) {
            return sharedRecentStart;
        }
        return own;
    }

    /** Whether a task that does not walk for all has seen a newer shared recent walk lately, so it need not walk. */
    private boolean recentWalkShared(long now) {
        if (sharedRecent == null) {
            return false;
        }
        boolean fresh = now - lastRecentSharedAt <= recentGraceMs;
        if (!fresh && !walkingRecentItself) {
            log.warn(
                    "{}: no recent walk of the listing was shared for {} s; walking the recent listing here until one is",
                    taskName,
                    (now - lastRecentSharedAt) / 1000);
        }
        walkingRecentItself = !fresh;
        return fresh;
    }

    /** Fetches what the newest shared recent walk listed in the task's shards that the task has not synced. */
    private void takeSharedRecentWalk(long now, Findings findings) {
        SharedRecent.Update update = sharedRecent.look(ledger);
        if (update == null) {
            return;
        }
        lastRecentSharedAt = now;
        if (update.startTime() != null) {
            sharedRecentStart = update.startTime();
        }
        update.unsynced().forEach(findings::fetchById);
    }

    /**
     * A full walk's first complete read of the members replaces those known; its second read adds to them: a member
     * is out of scope only when neither read found it. Recent walks only add.
     */
    private void takeMembers(ListingWalk.Members members) {
        if (walk.kind() != ListingWalk.Kind.FULL) {
            collectionMembers.addAll(members.videoIds());
            return;
        }
        if (!membersReadThisWalk && members.all()) {
            collectionMembers = new HashSet<>(members.videoIds());
        } else {
            collectionMembers.addAll(members.videoIds());
        }
        membersComplete = (membersComplete || !membersReadThisWalk) && members.all();
        membersReadThisWalk = true;
        if (publisher != null) {
            members.videoIds().forEach(id -> publisher.member(UUID.fromString(id)));
        }
    }

    /** A video the listing says is done: to be fetched when the task has not synced it, or must sync it again. */
    private void consider(Video video, Findings findings) {
        UUID id = UUID.fromString(video.id());
        // The listing is filtered by the documented search-processed status: whatever it lists is done.
        if (!scope.includes(video, collectionMembers)) {
            return;
        }
        if (publisher != null && walk.kind() == ListingWalk.Kind.FULL) {
            publisher.listed(id);
        }
        if (recentPublisher != null && walk.kind() == ListingWalk.Kind.RECENT) {
            recentPublisher.listed(id);
        }
        // The newest video of the whole listing anchors the recent window, whichever task owns it.
        if (video.createdAt() != null
                && (newestSeen == null || video.createdAt().isAfter(newestSeen))) {
            newestSeen = video.createdAt();
        }
        if (!ledger.owns(id)) {
            return;
        }
        if (walk.kind() == ListingWalk.Kind.FULL && ledger.isSynced(id)) {
            ledger.listedByFullWalk(id);
        }
        if (ledger.needsFetch(id, verifying)) {
            findings.fetch(video);
        }
    }

    /**
     * Takes what a newer shared walk says about the task's shards: fetches what it listed that the task lacks and asks
     * about what it did not list, or walks itself when fetching the lacking videos one by one would cost more.
     */
    private void reconcileFromSharedWalk(long now, Findings findings) {
        SharedReconciliation.Differences differences = shared.reconcile(ledger);
        if (differences == null) {
            return;
        }
        lastSharedAt = now;
        if (differences.unsynced().size() > differences.listed() / pageSize + 1) {
            log.info(
                    "{}: the shared walk lists {} videos this task has not synced; walking the listing here is cheaper",
                    taskName,
                    differences.unsynced().size());
            nextFullWalkAt = now;
            return;
        }
        metrics.reconciliations.increment();
        differences.unsynced().forEach(findings::fetchById);
        differences.unlisted().forEach(id -> findings.check(id, differences.members()));
    }

    private void endWalk(ListingWalk.End end, long now, Findings findings) {
        ListingWalk.Kind kind = walk.kind();
        walk = null;
        nextRecentWalkAt = now + pollIntervalMs;
        boolean complete = end.failure() == null && end.complete() && (!scope.hasCollection() || membersComplete);
        if (kind == ListingWalk.Kind.FULL) {
            // Absence from one walk is a question for the platform, never a retraction by itself.
            Set<String> members = collectionMembers;
            ledger.endFullWalk(complete ? id -> findings.check(id, members) : null);
            reconcilingSweep = complete;
            if (publisher != null && !complete) {
                publisher.abandon();
            }
        } else if (recentPublisher != null) {
            if (complete) {
                carriers.addAll(recentPublisher.publish(now, walkStartTime, topic));
            } else {
                recentPublisher.abandon();
            }
        }
        if (end.failure() instanceof PlatformAuthException auth) {
            throw new ConnectException(auth.getMessage(), auth);
        }
        if (end.failure() instanceof PlatformRejectedException rejected
                && rejected.status() == 404
                && scope.hasCollection()) {
            throw new ConnectException(
                    "collection " + scope.collectionId() + " does not exist on the platform; check "
                            + PlatformSourceConfig.FILTER_COLLECTION_ID,
                    rejected);
        }
        if (end.failure() != null) {
            log.warn(
                    "{}: a {} walk of the listing failed, trying again in {} ms: {}",
                    taskName,
                    kind.name().toLowerCase(Locale.ROOT),
                    pollIntervalMs,
                    end.failure().getMessage());
            if (kind == ListingWalk.Kind.FULL) {
                nextFullWalkAt = now + pollIntervalMs;
            }
            return;
        }
        if (kind == ListingWalk.Kind.FULL) {
            nextFullWalkAt = shared == null ? now + reconciliationIntervalMs : Long.MAX_VALUE;
            if (verifying) {
                nextVerifyAt = now + reverifyIntervalMs;
                verifying = false;
            }
            if (complete && publisher != null) {
                // Sorting and encoding every bucket is of the order of the library: the discovery thread does it.
                long walkStarted = walkStartedAt;
                publishing = executors.background(() -> publisher.publish(walkStarted, topic));
            }
        }
    }
}
