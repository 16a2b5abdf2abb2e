/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import io.vecsync.platform.CollectionPage;
import io.vecsync.platform.PlatformClient;
import io.vecsync.platform.PlatformException;
import io.vecsync.platform.Video;
import io.vecsync.platform.VideoQuery;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One walk over the listing of done videos, run on the discovery thread so that poll() never waits for the platform:
 * pages arrive in a queue the task drains. A walk with a collection in scope first reads the collection's members
 * (all of them on a full walk, its newest page on a recent one); a full walk reads them all again after the listing.
 */
final class ListingWalk implements Runnable {

    /** A recent walk starts near the newest video seen; a full walk covers the whole listing and finds absences. */
    enum Kind {
        RECENT,
        FULL
    }

    /** What the task thread receives. */
    sealed interface Event permits Page, Members, End {}

    record Page(List<Video> videos) implements Event {}

    /** The collection's members seen; {@code all} when the walk read every one (its count matched the total). */
    record Members(Set<String> videoIds, boolean all) implements Event {}

    /** The walk ended; {@code complete} when it read the whole listing it meant to, {@code failure} otherwise. */
    record End(boolean complete, PlatformException failure) implements Event {}

    private final Kind kind;
    private final PlatformClient client;
    private final VideoScope scope;
    private final Instant startTime;
    private final int pageSize;
    private final Runnable onEvent;
    /** A few pages at most: the walk waits while the task has enough to fetch, so a full walk never fills memory. */
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>(4);

    private volatile boolean cancelled;

    /** @param onEvent told after each event is queued, on the walk's thread */
    ListingWalk(Kind kind, PlatformClient client, VideoScope scope, Instant startTime, int pageSize, Runnable onEvent) {
        this.kind = kind;
        this.client = client;
        this.scope = scope;
        this.startTime = startTime;
        this.pageSize = pageSize;
        this.onEvent = onEvent;
    }

    Kind kind() {
        return kind;
    }

    /** The next event if one is ready. */
    Event next() {
        return events.poll();
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        try {
            deliver(walk());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private End walk() throws InterruptedException {
        try {
            if (scope.hasCollection()) {
                deliver(collectionMembers());
            }
            boolean complete = walkListing();
            // Members added and removed between two pages of one read can hide a member with the total unchanged; a
            // second read after the listing finds it, so a full walk judges membership by both reads together.
            if (complete && kind == Kind.FULL && scope.hasCollection()) {
                deliver(collectionMembers());
            }
            return new End(complete, null);
        } catch (PlatformException e) {
            return new End(false, e);
        }
    }

    private void deliver(Event event) throws InterruptedException {
        while (!cancelled) {
            if (events.offer(event, 100, TimeUnit.MILLISECONDS)) {
                onEvent.run();
                return;
            }
            // The task is busy fetching: wait for it.
        }
    }

    /** Pages by skip and limit until a short page; false when a page shift may have hidden videos from this walk. */
    private boolean walkListing() throws InterruptedException {
        Set<String> previousPage = Set.of();
        for (int skip = 0; !cancelled; skip += pageSize) {
            List<Video> page = client.listVideos(VideoQuery.doneVideos(startTime, skip, pageSize));
            deliver(new Page(page));
            Set<String> ids = new HashSet<>();
            page.forEach(video -> ids.add(video.id()));
            // A full page of the videos just seen means the server ignores skip: stop rather than loop forever.
            if (page.size() < pageSize || ids.equals(previousPage)) {
                return true;
            }
            previousPage = ids;
        }
        return false;
    }

    private Members collectionMembers() throws InterruptedException {
        Set<String> members = new HashSet<>();
        long total = -1;
        int pages = kind == Kind.FULL ? Integer.MAX_VALUE : 1;
        for (int page = 1; page <= pages && !cancelled; page++) {
            CollectionPage result = client.collectionVideos(scope.collectionId(), page, PlatformClient.MAX_PAGE_SIZE);
            boolean stable = total < 0 || total == result.total();
            total = result.total();
            int before = members.size();
            members.addAll(result.videoIds());
            if (!stable || result.videoIds().size() < PlatformClient.MAX_PAGE_SIZE || members.size() == before) {
                return new Members(members, stable && members.size() == total);
            }
        }
        return new Members(members, kind == Kind.FULL && members.size() == total);
    }
}
