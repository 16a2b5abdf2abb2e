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
import java.util.function.BooleanSupplier;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when to walk the listing and what a walk's pages mean: a recent walk every poll interval; a full one at the
 * reconciliation interval, the first one full (a re-verifying one at the re-verification interval). With more than one
 * task only the task owning shard 0 walks the whole listing and shares it through source offsets; the others
 * reconcile from what it shared, and walk themselves only on their first start, when fetching what it found one by
 * one would cost more than a walk, or when it shared nothing for a while.
 */
final class Discovery {

    private static final Logger log = LoggerFactory.getLogger(Discovery.class);
    /** How long past the reconciliation interval a task waits for a shared walk before it walks itself. */
    static final long SHARED_WALK_GRACE_MS = 10 * 60_000;

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
    /** Set on the tasks that reconcile from the shared walks; null on the walking task. */
    private final SharedReconciliation shared;

    private final List<SourceRecord> carriers = new ArrayList<>();

    private ListingWalk walk;
    private long walkStartedAt;
    private boolean verifying;
    private Set<String> collectionMembers = new HashSet<>();
    private boolean membersComplete;
    private Instant newestSeen;
    private long nextRecentWalkAt;
    private long nextFullWalkAt;
    private long nextVerifyAt;
    private long nextSharedLookAt;
    private long lastSharedAt;

    Discovery(
            PlatformSourceConfig config,
            PlatformClient client,
            SyncLedger ledger,
            SourceMetrics metrics,
            TaskExecutors executors,
            String taskName,
            ListingPublisher publisher,
            SharedReconciliation shared,
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
        this.shared = shared;
        // The first walk is a full one: it finds what changed while the task was not running. A task that reconciles
        // from shared walks has one to start from, unless none was ever shared.
        this.nextFullWalkAt = shared != null && shared.anyShared() ? Long.MAX_VALUE : now;
        this.lastSharedAt = now;
        this.nextVerifyAt = reverifyIntervalMs > 0 ? now + reverifyIntervalMs : Long.MAX_VALUE;
    }

    /**
     * Starts a walk when one is due and takes in the pages that arrived, while {@code hasRoom} says the task can
     * queue more videos.
     *
     * @throws ConnectException when the platform refuses the API key or the collection in scope does not exist
     */
    void advance(long now, BooleanSupplier hasRoom, Findings findings) {
        if (shared != null && now >= nextSharedLookAt && (walk == null || walk.kind() != ListingWalk.Kind.FULL)) {
            nextSharedLookAt = now + pollIntervalMs;
            reconcileFromSharedWalk(now, findings);
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

    /** The carriers of a walk to share; they go out with the next poll. */
    List<SourceRecord> drainCarriers() {
        List<SourceRecord> drained = List.copyOf(carriers);
        carriers.clear();
        return drained;
    }

    void cancel() {
        if (walk != null) {
            walk.cancel();
        }
    }

    private void startWalkIfDue(long now) {
        ListingWalk.Kind kind;
        Instant startTime = scope.createdAfter();
        if (now >= nextFullWalkAt || now >= nextVerifyAt) {
            kind = ListingWalk.Kind.FULL;
            verifying = now >= nextVerifyAt;
            ledger.beginFullWalk();
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
        } else if (now >= nextRecentWalkAt && newestSeen != null) {
            kind = ListingWalk.Kind.RECENT;
            Instant recentStart = newestSeen.minusMillis(recentWindowMs);
            startTime = startTime == null || recentStart.isAfter(startTime) ? recentStart : startTime;
            metrics.recentWalks.increment();
        } else {
            return;
        }
        walk = new ListingWalk(kind, client, scope, startTime, pageSize, executors::signal);
        executors.discover(walk);
    }

    private void takeMembers(ListingWalk.Members members) {
        if (walk.kind() == ListingWalk.Kind.FULL && members.all()) {
            collectionMembers = new HashSet<>(members.videoIds());
            if (publisher != null) {
                members.videoIds().forEach(id -> publisher.member(UUID.fromString(id)));
            }
        } else {
            collectionMembers.addAll(members.videoIds());
        }
        membersComplete = members.all();
    }

    /** A video the listing says is done: to be fetched when the task has not synced it, or must sync it again. */
    private void consider(Video video, Findings findings) {
        UUID id = UUID.fromString(video.id());
        if (!video.searchDone() || !scope.includes(video, collectionMembers)) {
            return;
        }
        if (publisher != null && walk.kind() == ListingWalk.Kind.FULL) {
            publisher.listed(id);
        }
        if (!ledger.owns(id)) {
            return;
        }
        if (video.createdAt() != null
                && (newestSeen == null || video.createdAt().isAfter(newestSeen))) {
            newestSeen = video.createdAt();
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
        if (kind == ListingWalk.Kind.FULL
                && publisher != null
                && !(end.complete() && (!scope.hasCollection() || membersComplete))) {
            publisher.abandon();
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
            // Absence from one walk is a question for the platform, never a retraction by itself.
            if (end.complete() && (!scope.hasCollection() || membersComplete)) {
                metrics.reconciliations.increment();
                Set<String> members = collectionMembers;
                ledger.forEachUnlisted(id -> findings.check(id, members));
                if (publisher != null) {
                    carriers.addAll(publisher.publish(walkStartedAt, topic));
                }
            }
        }
    }
}
