/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Route;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.JmxMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * One task walks the listing for all, the whole of it and its recent part; the others reconcile and find new videos from
 * what it shares through the offsets topic.
 */
class SourceSharedWalkIT extends SourceClusterTest {

    private static final int TASKS = 3;
    private static final int DONE_VIDEOS = 150;

    @Test
    void onlyTheWalkingTaskWalksAndTheOthersStillFindLateCompletionsAndDeletions(TestInfo test) throws Exception {
        SourceHarness h = harness(test, PlatformSimulator.builder().seed(31).videos(0));
        // Uploaded first and finished late: with recent walks looking only at the newest video, a full walk finds them.
        List<String> old = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            old.add(h.simulator.upload("old " + i, 3, false));
        }
        for (int i = 0; i < DONE_VIDEOS; i++) {
            h.simulator.upload("video " + i, 2, true);
        }
        Map<String, String> config = h.config(TASKS);
        config.put(PlatformSourceConfig.RECENT_WINDOW_MS, "0");
        h.start(config);
        h.awaitTruth("the initial sync by three tasks");
        h.awaitReconciliations(1);

        long[] walksBefore = fullWalks(h);
        int pagesBefore = h.simulator.wholeListingPages();
        h.awaitReconciliations(3);
        long[] walks = fullWalks(h);
        long walkerWalks = walks[0] - walksBefore[0];
        int pages = h.simulator.wholeListingPages() - pagesBefore;
        int pagesPerWalk = DONE_VIDEOS / 7 + 1;
        assertTrue(walkerWalks >= 3, "the task owning shard 0 walked " + walkerWalks + " times");
        for (int task = 1; task < TASKS; task++) {
            assertEquals(0, walks[task] - walksBefore[task], "task " + task + " walked the whole listing itself");
        }
        assertTrue(
                pages <= (walkerWalks + 1) * pagesPerWalk,
                pages + " whole-listing pages for " + walkerWalks + " walks of " + pagesPerWalk + " pages");

        String late = old.stream().filter(id -> !walkersShard(id)).findFirst().orElseThrow();
        String deleted = h.simulator.videoIds().stream()
                .filter(id -> !old.contains(id) && !walkersShard(id))
                .findFirst()
                .orElseThrow();
        int calls = h.simulator.embeddingsCalls();
        h.simulator.completeSearchProcess(late);
        h.simulator.delete(deleted);
        h.awaitTruth("a late completion and a deletion in shards of tasks that do not walk");
        assertEquals(calls + 1, h.simulator.embeddingsCalls(), "one embeddings call: the late video's");
        long[] after = fullWalks(h);
        for (int task = 1; task < TASKS; task++) {
            assertEquals(walks[task], after[task], "task " + task + " walked the whole listing itself");
        }
    }

    @Test
    void aQuietLibraryCostsOneRecentWalkAPollIntervalWhateverTheTasksAndNewVideosStillReachEveryTask(TestInfo test)
            throws Exception {
        SourceHarness h = harness(test, PlatformSimulator.builder().seed(37).videos(0));
        for (int i = 0; i < DONE_VIDEOS; i++) {
            h.simulator.upload("video " + i, 2, true);
        }
        Map<String, String> config = h.config(TASKS);
        // Every video is within the recent window: a recent walk lists them all, many pages, as a busy library would.
        config.put(PlatformSourceConfig.POLL_INTERVAL_MS, "1000");
        config.put(PlatformSourceConfig.RECONCILIATION_INTERVAL_MS, "600000");
        h.start(config);
        h.awaitTruth("the initial sync by three tasks");
        Eventually.await(SourceHarness.SYNC_TIMEOUT, "every task's first full walk and two shared recent walks", () -> {
            long[] full = metric(h, "full-walks-total");
            return full[0] >= 1 && full[1] >= 1 && full[2] >= 1 && metric(h, "recent-walks-total")[0] >= 2;
        });

        long[] recentBefore = metric(h, "recent-walks-total");
        long[] fullBefore = metric(h, "full-walks-total");
        int listingBefore = h.simulator.requests(Route.VIDEOS_LIST);
        Thread.sleep(10_000);
        long[] recent = metric(h, "recent-walks-total");
        int listing = h.simulator.requests(Route.VIDEOS_LIST) - listingBefore;
        long walkerWalks = recent[0] - recentBefore[0];
        int pagesPerWalk = DONE_VIDEOS / 7 + 1;
        System.out.printf(
                "%d tasks, quiet 10 s at 1 s polls: %d listing requests, %d recent walks of %d pages by the walker%n",
                TASKS, listing, walkerWalks, pagesPerWalk);
        assertTrue(walkerWalks >= 3, "the walking task walked the recent listing " + walkerWalks + " times");
        assertNoOtherTaskWalked(h, recentBefore, fullBefore);
        assertTrue(
                listing <= (walkerWalks + 1) * pagesPerWalk,
                listing + " listing requests for " + walkerWalks + " recent walks of " + pagesPerWalk + " pages");

        // New uploads in every task's shards are found through the walker's shared recent walks alone.
        int calls = h.simulator.embeddingsCalls();
        List<String> added = new ArrayList<>();
        while (added.stream()
                        .map(id -> Shards.of(UUID.fromString(id)) % TASKS)
                        .distinct()
                        .count()
                < TASKS) {
            added.add(h.simulator.upload("new " + added.size(), 2, true));
        }
        h.awaitTruth("new videos in every task's shards");
        assertEquals(calls + added.size(), h.simulator.embeddingsCalls(), "one embeddings call a new video");
        assertNoOtherTaskWalked(h, recentBefore, fullBefore);
    }

    /** No task but the walker walked the recent listing, and none walked the whole listing, since the counts given. */
    private static void assertNoOtherTaskWalked(SourceHarness h, long[] recentBefore, long[] fullBefore) {
        long[] recent = metric(h, "recent-walks-total");
        for (int task = 1; task < TASKS; task++) {
            assertEquals(recentBefore[task], recent[task], "task " + task + " walked the recent listing itself");
        }
        assertEquals(
                java.util.Arrays.toString(fullBefore),
                java.util.Arrays.toString(metric(h, "full-walks-total")),
                "no full walk");
    }

    private static boolean walkersShard(String videoId) {
        return Shards.of(UUID.fromString(videoId)) % TASKS == 0;
    }

    private static long[] fullWalks(SourceHarness h) {
        return metric(h, "full-walks-total");
    }

    private static long[] metric(SourceHarness h, String name) {
        long[] values = new long[TASKS];
        for (int task = 0; task < TASKS; task++) {
            values[task] = (long)
                    JmxMetrics.sum("kafka.connect:type=plugins,connector=" + h.name + ",task=" + task + ",*", name);
        }
        return values;
    }
}
