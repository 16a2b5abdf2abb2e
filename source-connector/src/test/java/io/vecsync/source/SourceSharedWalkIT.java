/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.testing.JmxMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** One task walks the whole listing for all; the others reconcile from what it shares through the offsets topic. */
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

    private static boolean walkersShard(String videoId) {
        return Shards.of(UUID.fromString(videoId)) % TASKS == 0;
    }

    private static long[] fullWalks(SourceHarness h) {
        long[] walks = new long[TASKS];
        for (int task = 0; task < TASKS; task++) {
            walks[task] = (long) JmxMetrics.sum(
                    "kafka.connect:type=plugins,connector=" + h.name + ",task=" + task + ",*", "full-walks-total");
        }
        return walks;
    }
}
