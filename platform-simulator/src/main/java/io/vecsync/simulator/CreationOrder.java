/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Videos by creation position, which is also created_at order, counted so that a page of the listing costs
 * O(log n) a video: changes update the counts in place, nothing is ever rebuilt.
 */
final class CreationOrder {

    private Video[] videos = new Video[1024];
    /** Kept for deleted videos too, so that positions stay sorted by creation time for the binary search. */
    private Instant[] createdAt = new Instant[1024];

    private final Fenwick existing = new Fenwick();
    private final Fenwick done = new Fenwick();

    /** The position the next appended video takes. */
    int nextPosition() {
        return existing.size();
    }

    void append(Video video) {
        int position = existing.size();
        if (position == videos.length) {
            videos = Arrays.copyOf(videos, position * 2);
            createdAt = Arrays.copyOf(createdAt, position * 2);
        }
        videos[position] = video;
        createdAt[position] = video.createdAt();
        existing.append(true);
        done.append(video.searchDone());
    }

    void replace(Video changed) {
        Video before = videos[changed.position()];
        videos[changed.position()] = changed;
        done.add(changed.position(), flag(changed.searchDone()) - flag(before.searchDone()));
    }

    void remove(Video video) {
        videos[video.position()] = null;
        existing.add(video.position(), -1);
        done.add(video.position(), -flag(video.searchDone()));
    }

    /** Existing videos in creation order. */
    List<Video> all() {
        List<Video> all = new ArrayList<>(existing.prefix(existing.size()));
        for (int i = 0; i < existing.size(); i++) {
            if (videos[i] != null) {
                all.add(videos[i]);
            }
        }
        return all;
    }

    /** A page of the videos created in [from, to], the done ones only if asked, oldest or newest first. */
    ListingPage page(boolean doneOnly, Instant from, Instant to, boolean newestFirst, int skip, int limit) {
        Fenwick counted = doneOnly ? done : existing;
        int before = counted.prefix(firstCreated(from, false));
        int total = counted.prefix(firstCreated(to, true)) - before;
        List<Video> page = new ArrayList<>();
        for (long rank = skip; rank < total && rank < (long) skip + limit; rank++) {
            int k = (int) (newestFirst ? before + total - 1 - rank : before + rank);
            page.add(videos[counted.select(k)]);
        }
        return new ListingPage(page, total);
    }

    /** The first position created at {@code time} or later, or strictly later when {@code skipEqual}. */
    private int firstCreated(Instant time, boolean skipEqual) {
        int low = 0;
        int high = existing.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            int order = createdAt[middle].compareTo(time);
            if (order < 0 || (skipEqual && order == 0)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int flag(boolean set) {
        return set ? 1 : 0;
    }
}
