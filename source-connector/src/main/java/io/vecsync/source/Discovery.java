package io.vecsync.source;

import io.vecsync.platform.PlatformAuthException;
import io.vecsync.platform.PlatformClient;
import io.vecsync.platform.PlatformRejectedException;
import io.vecsync.platform.Video;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Decides when to walk the listing and what a walk's pages mean: a recent walk every poll interval, a full one at the
 * reconciliation interval (a re-verifying one at the re-verification interval), the first one full. Listed videos the
 * task must fetch go to one consumer; synced videos a complete full walk did not list go to another, to be asked about.
 */
final class Discovery {

    private static final Logger log = LoggerFactory.getLogger(Discovery.class);

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

    private ListingWalk walk;
    private boolean verifying;
    private Set<String> collectionMembers = new HashSet<>();
    private boolean membersComplete;
    private Instant newestSeen;
    private long nextRecentWalkAt;
    private long nextFullWalkAt;
    private long nextVerifyAt;

    Discovery(PlatformSourceConfig config, PlatformClient client, SyncLedger ledger, SourceMetrics metrics,
              TaskExecutors executors, String taskName, long now) {
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
        // The first walk is a full one: it finds what changed while the task was not running.
        this.nextFullWalkAt = now;
        this.nextVerifyAt = reverifyIntervalMs > 0 ? now + reverifyIntervalMs : Long.MAX_VALUE;
    }

    /** The collection's members as the walks saw them; empty without a collection in scope. */
    Set<String> collectionMembers() {
        return collectionMembers;
    }

    /**
     * Starts a walk when one is due and takes in the pages that arrived, while {@code hasRoom} says the task can
     * queue more videos.
     *
     * @throws ConnectException when the platform refuses the API key or the collection in scope does not exist
     */
    void advance(long now, java.util.function.BooleanSupplier hasRoom, Consumer<Video> toFetch, Consumer<UUID> toCheck) {
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
                page.videos().forEach(video -> consider(video, toFetch));
            } else if (event instanceof ListingWalk.End end) {
                endWalk(end, now, toCheck);
            }
        }
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
        } else {
            collectionMembers.addAll(members.videoIds());
        }
        membersComplete = members.all();
    }

    /** A video the listing says is done: to be fetched when the task has not synced it, or must sync it again. */
    private void consider(Video video, Consumer<Video> toFetch) {
        UUID id = UUID.fromString(video.id());
        if (!ledger.owns(id) || !video.searchDone() || !scope.includes(video, collectionMembers)) {
            return;
        }
        if (video.createdAt() != null && (newestSeen == null || video.createdAt().isAfter(newestSeen))) {
            newestSeen = video.createdAt();
        }
        if (walk.kind() == ListingWalk.Kind.FULL && ledger.isSynced(id)) {
            ledger.listedByFullWalk(id);
        }
        if (ledger.needsFetch(id, verifying)) {
            toFetch.accept(video);
        }
    }

    private void endWalk(ListingWalk.End end, long now, Consumer<UUID> toCheck) {
        ListingWalk.Kind kind = walk.kind();
        walk = null;
        nextRecentWalkAt = now + pollIntervalMs;
        if (end.failure() instanceof PlatformAuthException auth) {
            throw new ConnectException(auth.getMessage(), auth);
        }
        if (end.failure() instanceof PlatformRejectedException rejected && rejected.status() == 404 && scope.hasCollection()) {
            throw new ConnectException("collection " + scope.collectionId() + " does not exist on the platform; check "
                    + PlatformSourceConfig.FILTER_COLLECTION_ID, rejected);
        }
        if (end.failure() != null) {
            log.warn("{}: a {} walk of the listing failed, trying again in {} ms: {}", taskName,
                    kind.name().toLowerCase(), pollIntervalMs, end.failure().getMessage());
            if (kind == ListingWalk.Kind.FULL) {
                nextFullWalkAt = now + pollIntervalMs;
            }
            return;
        }
        if (kind == ListingWalk.Kind.FULL) {
            nextFullWalkAt = now + reconciliationIntervalMs;
            if (verifying) {
                nextVerifyAt = now + reverifyIntervalMs;
                verifying = false;
            }
            // Absence from one walk is a question for the platform, never a retraction by itself.
            if (end.complete() && (!scope.hasCollection() || membersComplete)) {
                ledger.forEachUnlisted(toCheck);
            }
        }
    }
}
