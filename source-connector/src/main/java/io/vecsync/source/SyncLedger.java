/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static io.vecsync.source.IndexBucket.PENDING;
import static io.vecsync.source.IndexBucket.RETRACTING;
import static io.vecsync.source.IndexBucket.SEEN;
import static io.vecsync.source.IndexBucket.STALE;
import static io.vecsync.source.IndexBucket.WRITING;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * What the task has emitted and how much of it Connect has written: the video index, the recent per-video offsets,
 * and the acknowledgements that move a video from writing to synced. A video's records carry its offset on the last
 * one (earlier ones carry the one before), and the index marks it pending before its records and synced once they
 * are all written, so a crash part-way fetches it again. Only the task thread calls it, except {@link #written} and
 * {@link #committed}, which Connect calls from its own threads.
 */
final class SyncLedger {

    private static final byte REFETCH = PENDING | STALE;

    private final VideoIndex index;
    private final VideoStates states;
    private final ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
    private final AtomicInteger commits = new AtomicInteger();
    private boolean fullWalkUnderWay;
    private boolean sweeping;
    private Consumer<UUID> sweepAction;

    /** Loads the committed index of the shards and settles the videos a previous run left pending. */
    SyncLedger(Collection<Integer> shards, OffsetStorageReader reader) {
        this.index = new VideoIndex(shards, reader);
        this.states = new VideoStates(reader);
        confirmWrittenPending();
    }

    /** The carriers that move version-1 offsets of the shards to this form; see {@link LegacyMigration}. */
    List<SourceRecord> migrate(Collection<Integer> shards, OffsetStorageReader reader, String topic) {
        return LegacyMigration.carriers(shards, reader, index, states, topic);
    }

    /** Connect wrote one of the video's records. Any thread. */
    void written(String videoId) {
        written.add(videoId);
    }

    /** Connect committed offsets. Any thread. */
    void committed() {
        commits.incrementAndGet();
    }

    /**
     * Takes in what Connect wrote and committed since the last call. Commits first: a commit counted before the
     * writes it may not include only delays forgetting them.
     */
    void settle() {
        int committedNow = commits.getAndSet(0);
        for (int c = committedNow; c > 0; c--) {
            states.committed();
        }
        if (committedNow > 0) {
            index.writeDeferred();
        }
        for (String videoId = written.poll(); videoId != null; videoId = written.poll()) {
            if (states.written(videoId)) {
                settleWritten(UUID.fromString(videoId));
            }
        }
    }

    /**
     * Every record of the video is written. The index learns it at the next offset commit, not at once: one carrier
     * a bucket per commit instead of one a video. Until then a restart finds a new video pending and confirms it by
     * its offset (see {@link #confirmWrittenPending()}), fetches a re-synced one again, and finds a retracted one
     * gone from the platform with no offset left, so it just drops it.
     */
    private void settleWritten(UUID id) {
        int flags = index.flags(id);
        if ((flags & RETRACTING) != 0) {
            index.removeLater(id);
        } else if ((flags & WRITING) != 0) {
            index.clearLater(id, (byte) (REFETCH | WRITING));
        }
    }

    boolean owns(UUID id) {
        return index.owns(id);
    }

    boolean isSynced(UUID id) {
        return index.flags(id) >= 0;
    }

    /**
     * Whether a video listed as done must be fetched: it is new, it was seen re-processing, its last write may be
     * incomplete, or a re-verification is under way; never while its records are on their way.
     */
    boolean needsFetch(UUID id, boolean verifying) {
        int flags = index.flags(id);
        return flags < 0
                || ((flags & WRITING) == 0 && ((flags & REFETCH) != 0 || (verifying && (flags & RETRACTING) == 0)));
    }

    /** A full walk starts; the sweep of the last one must have ended. */
    void beginFullWalk() {
        fullWalkUnderWay = true;
    }

    void listedByFullWalk(UUID id) {
        index.mark(id, SEEN, (byte) 0);
    }

    /**
     * The full walk ended: a sweep of the index follows, a few buckets a poll (see {@link #sweepUnlisted}). It hands
     * each synced video the walk did not list to the action when the walk was complete, and clears what the walk
     * marked either way, so that the next walk starts from nothing seen.
     */
    void endFullWalk(Consumer<UUID> unlisted) {
        fullWalkUnderWay = false;
        sweepAction = unlisted;
        sweeping = true;
        index.startSweep();
    }

    /** Whether the sweep after a full walk is still under way: no full walk may start before it ends. */
    boolean sweeping() {
        return sweeping;
    }

    /** Sweeps the next {@code maxBuckets} index buckets; see {@link #endFullWalk}. */
    void sweepUnlisted(int maxBuckets) {
        if (sweeping && index.sweep(maxBuckets, (byte) (SEEN | RETRACTING), SEEN, sweepAction)) {
            sweeping = false;
            sweepAction = null;
        }
    }

    /** The {@link VideoIdSet#hash()} of an owned index bucket's ids. */
    long indexHash(int shard, int bucket) {
        return index.bucket(shard, bucket).idHash();
    }

    /** The synced videos of an owned bucket that a shared walk did not list, but those on their way out or in. */
    List<UUID> unlisted(int shard, int bucket, VideoIdSet listed) {
        IndexBucket entries = index.bucket(shard, bucket);
        List<UUID> unlisted = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if ((entries.flags(i) & (RETRACTING | WRITING)) == 0 && !listed.contains(entries.id(i))) {
                unlisted.add(entries.id(i));
            }
        }
        return unlisted;
    }

    /** The video is fetched again once it is listed done; its segments stay until then. */
    void markStale(UUID id) {
        index.mark(id, STALE, (byte) 0);
    }

    /** The videos' last emitted offsets. */
    Map<String, Optional<VideoOffset>> previous(Collection<String> videoIds) {
        return states.read(videoIds);
    }

    /** A fetch found what was emitted already: nothing to write. */
    void unchanged(UUID id) {
        int flags = index.flags(id);
        index.put(id, (byte) (flags < 0 ? seenIfLooked(id) : flags & ~REFETCH));
    }

    /**
     * SEEN for a video new to the index when the full walk under way, or the sweep after it, will still look at it:
     * it was just listed, so it must not be asked about. Otherwise nothing, as the next walk must start unseen.
     */
    private byte seenIfLooked(UUID id) {
        return fullWalkUnderWay || (sweeping && index.awaitsSweep(id)) ? SEEN : 0;
    }

    /**
     * The video's new version goes out in {@code records} records, the last carrying {@code next} (null: no segments).
     * A re-sync is also marked stale: its offset alone cannot tell the old version from the new one after a crash.
     */
    void writing(UUID id, VideoOffset next, int records, boolean resync) {
        int flags = index.flags(id);
        int kept = flags < 0 ? seenIfLooked(id) : flags & ~REFETCH;
        if (records == 0) {
            index.put(id, (byte) kept);
            return;
        }
        index.put(id, (byte) (kept | PENDING | WRITING | (resync ? STALE : 0)));
        states.emitted(id.toString(), next, records);
    }

    /** The video's tombstones go out in {@code records} records; it leaves the index once they are written. */
    void retracting(UUID id, int records) {
        if (records == 0) {
            index.remove(id);
            return;
        }
        index.mark(id, RETRACTING, (byte) 0);
        states.emitted(id.toString(), null, records);
    }

    boolean isRetracting(UUID id) {
        return (index.flags(id) & RETRACTING) != 0;
    }

    /** Carriers for the index buckets changed since the last call: they go before the poll's other records. */
    List<SourceRecord> carriers(String topic) {
        return index.drainChanges(topic);
    }

    int size() {
        return index.size();
    }

    long bytes() {
        return index.bytes();
    }

    /**
     * A new video still pending at start was being written when the last run stopped. Its own offset rides on its
     * last record, committed only once every record before it was written: if it is there, the video is complete.
     */
    private void confirmWrittenPending() {
        List<String> pending = new ArrayList<>();
        index.forEachWithout(STALE, id -> {
            if ((index.flags(id) & PENDING) != 0) {
                pending.add(id.toString());
            }
        });
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Optional<VideoOffset>> committed = states.read(pending);
        pending.stream()
                .filter(videoId -> committed.get(videoId).isPresent())
                .forEach(videoId -> index.mark(UUID.fromString(videoId), (byte) 0, PENDING));
    }
}
