/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.SegmentIds;
import io.vecsync.simulator.EmbeddingsAnswer;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Route;
import io.vecsync.simulator.Segment;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.JmxMetrics;
import io.vecsync.testing.TopicContents;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One bad video never stops the others, and an answer that is not a version retracts nothing: through a real worker. */
@Tag("slow")
class SourceFaultsIT extends SourceClusterTest {

    @ParameterizedTest(name = "embeddings answering {0}")
    @ValueSource(ints = {400, 403, 404, 422, 500})
    void aVideoThePlatformRefusesIsSkippedAndTheOthersSync(int status) throws Exception {
        SourceHarness h = harness(
                "refused-" + status,
                PlatformSimulator.builder().seed(30 + status).videos(5));
        String refused = h.simulator.videoIds().get(2);
        h.simulator.failVideo(refused, Route.VIDEO_EMBEDDINGS, status);
        h.start(h.config(1));

        awaitEveryVideoBut(h, refused);

        h.simulator.clearVideoFailure(refused);
        h.awaitTruth("the refused video once the platform serves it");
    }

    @Test
    void notReadyOrEmptyAnswersRetractNothingAndReverificationFindsSilentReprocessing(TestInfo test) throws Exception {
        SourceHarness h =
                harness("reverify", PlatformSimulator.builder().seed(42).videos(6));
        Map<String, String> config = h.config(1);
        config.put(PlatformSourceConfig.REVERIFY_INTERVAL_MS, "1000");
        h.start(config);
        TopicContents synced = h.awaitTruth("the initial sync");
        List<String> ids = h.simulator.videoIds();
        h.simulator.embeddingsAnswer(ids.get(0), EmbeddingsAnswer.STATUS_PROCESSING);
        h.simulator.embeddingsAnswer(ids.get(1), EmbeddingsAnswer.EMPTY_DATA);
        int calls = h.simulator.embeddingsCalls();
        Eventually.await(
                SourceHarness.SYNC_TIMEOUT,
                "two re-verifications",
                () -> h.simulator.embeddingsCalls(ids.get(0)) >= 3 && h.simulator.embeddingsCalls(ids.get(1)) >= 3);
        assertEquals(synced.live().keySet(), h.topic().live().keySet(), "neither answer retracted anything");

        h.simulator.embeddingsAnswer(ids.get(0), EmbeddingsAnswer.NORMAL);
        h.simulator.embeddingsAnswer(ids.get(1), EmbeddingsAnswer.NORMAL);
        h.simulator.reprocessSilently(ids.get(2));
        h.awaitTruth("a re-processing no listing field shows, found by re-verification");
        assertTrue(h.simulator.embeddingsCalls() > calls, "re-verification spends credits, and the metric counts them");
        assertRunning(h);
    }

    @Test
    void anOversizedResponseIsReportedAndTheOthersSync(TestInfo test) throws Exception {
        SourceHarness h =
                harness("oversized", PlatformSimulator.builder().seed(43).videos(4));
        String big = h.simulator.videoIds().get(0);
        h.simulator.embeddingsAnswer(big, EmbeddingsAnswer.oversized(512 * 1024));
        Map<String, String> config = h.config(1);
        config.put(PlatformSourceConfig.MAX_RESPONSE_BYTES, Integer.toString(256 * 1024));
        h.start(config);
        awaitEveryVideoBut(h, big);
        h.simulator.embeddingsAnswer(big, EmbeddingsAnswer.NORMAL);
        h.awaitTruth("the video once its answer fits");
    }

    @Test
    void aCollectionScopeWalksPagesOfAtMostAHundredAndAShiftBetweenPagesRetractsNoLiveMember(TestInfo test)
            throws Exception {
        SourceHarness h = harness(
                "collection", PlatformSimulator.builder().seed(44).videos(230).segmentsPerVideo(1, 2));
        List<String> ids = h.simulator.videoIds();
        // Members are the 210 newest; the 20 oldest are not, so one added later sorts onto the last page.
        String collection = h.simulator.createCollection("picked", ids.subList(20, 230));
        Map<String, String> config = h.config(1);
        config.put(PlatformSourceConfig.FILTER_COLLECTION_ID, collection);
        config.put(PlatformSourceConfig.LIST_PAGE_SIZE, "500");
        h.start(config);
        awaitMembersSynced(h, collection, 210);
        int before = h.topic().live().size();
        h.awaitReconciliations(2);
        assertEquals(before, h.topic().live().size(), "full walks of a 3-page collection retract nothing");
        assertEquals(210, h.simulator.embeddingsCalls());

        // Newest first: removing a page-1 member and adding one that sorts last, just before page 2 is read, keeps the
        // total at 210 and moves the member first on page 2 onto page 1, where the read has already been.
        String removed = ids.get(229);
        String added = ids.get(0);
        String hidden = ids.get(129);
        AtomicBoolean shifted = new AtomicBoolean();
        h.simulator.beforeCollectionPage(2, () -> {
            h.simulator.removeFromCollection(collection, removed);
            h.simulator.addToCollection(collection, added);
            shifted.set(true);
        });
        Set<String> hiddenSegments = h.simulator.segments(hidden).stream()
                .map(SourceFaultsIT::idOf)
                .collect(java.util.stream.Collectors.toSet());
        Eventually.await(SourceHarness.SYNC_TIMEOUT, "a full walk through the shift", shifted::get);
        h.awaitReconciliations(2);
        assertTrue(
                h.topic().live().keySet().containsAll(hiddenSegments),
                "the member the shift hid from one read of the members is still live");
        awaitMembersSynced(h, collection, 210);
        assertTrue(h.topic().live().keySet().containsAll(hiddenSegments), "and stays so");
        assertEquals(
                211,
                h.simulator.embeddingsCalls(),
                "the added member is fetched, nothing else: a live member retracted would be bought again");
        assertRunning(h);
    }

    @ParameterizedTest(name = "details answering {0}")
    @ValueSource(ints = {400, 422})
    void aVideoWhoseDetailsAreRefusedWhenFetchedByIdIsSkippedAndTheOthersSync(int status) throws Exception {
        SourceHarness h = harness(
                "details-by-id-" + status,
                PlatformSimulator.builder().seed(50 + status).videos(6));
        h.start(h.config(2));
        h.awaitTruth("the initial sync by two tasks");
        h.awaitReconciliations(1);
        // A new video in the shards of the task that does not walk: it learns of it from the shared walk, by id only.
        String refused;
        do {
            refused = h.simulator.upload("refused", 2, false);
        } while (Shards.of(java.util.UUID.fromString(refused)) % 2 == 0);
        h.simulator.failVideo(refused, Route.VIDEO_DETAILS, status);
        h.simulator.completeSearchProcess(refused);
        for (int i = 0; i < 4; i++) {
            h.simulator.upload("other " + i, 2, true);
        }
        double failed = failedTotal(h);
        awaitEveryVideoBut(h, refused);
        Eventually.await(SourceHarness.SYNC_TIMEOUT, "the refusal counted", () -> failedTotal(h) > failed);
        assertEquals(0, h.simulator.embeddingsCalls(refused), "no embeddings call for a video it could not describe");

        h.simulator.clearVideoFailure(refused);
        h.awaitTruth("the refused video once the platform describes it");
    }

    @ParameterizedTest(name = "details answering {0}")
    @ValueSource(ints = {400, 403, 422})
    void aVideoThePlatformWillNotDescribeKeepsItsSegmentsAndIsFetchedOnceListedAgain(int status) throws Exception {
        SourceHarness h = harness(
                "details-check-" + status,
                PlatformSimulator.builder().seed(60 + status).videos(5));
        h.start(h.config(1));
        h.awaitTruth("the initial sync");
        String video = h.simulator.videoIds().get(1);
        List<String> oldIds =
                h.simulator.segments(video).stream().map(SourceFaultsIT::idOf).toList();
        double failed = failedTotal(h);
        // Out of the done listing, so a full walk asks about it, and the details call refused.
        h.simulator.failVideo(video, Route.VIDEO_DETAILS, status);
        h.simulator.startReprocessing(video);
        String uploaded = h.simulator.upload("uploaded meanwhile", 2, true);
        h.awaitReconciliations(2);
        assertTrue(h.topic().live().keySet().containsAll(oldIds), "the old segments stay while the platform refuses");
        assertTrue(failedTotal(h) > failed, "the refused check is counted");
        assertTrue(
                h.simulator.segments(uploaded).stream()
                        .allMatch(s -> h.topic().live().containsKey(idOf(s))),
                "a video uploaded meanwhile synced");
        assertRunning(h);
        // The listing describes it: no details call is needed to fetch it again.
        h.simulator.finishReprocessing(video);
        h.awaitTruth("the re-processed video once listed done again");
    }

    @Test
    void anEmbeddings404ForASyncedVideoRetractsOnlyOnceItsDetailsSayItIsGone(TestInfo test) throws Exception {
        SourceHarness h =
                harness("embeddings-404", PlatformSimulator.builder().seed(46).videos(4));
        Map<String, String> config = h.config(1);
        // Re-verification fetches every synced video again each second: the fetch that meets the 404.
        config.put(PlatformSourceConfig.REVERIFY_INTERVAL_MS, "1000");
        h.start(config);
        TopicContents synced = h.awaitTruth("the initial sync");
        String video = h.simulator.videoIds().get(1);
        double failed = failedTotal(h);
        h.simulator.failVideo(video, Route.VIDEO_EMBEDDINGS, 404);
        int details = h.simulator.requests(Route.VIDEO_DETAILS);
        Eventually.await(
                SourceHarness.SYNC_TIMEOUT,
                "the 404 met, checked with the details and counted",
                () -> h.simulator.requests(Route.VIDEO_DETAILS) > details && failedTotal(h) > failed);
        h.awaitReconciliations(1);
        assertEquals(
                synced.live().keySet(), h.topic().live().keySet(), "a 404 while the details answer retracts nothing");
        assertRunning(h);

        h.simulator.failVideo(video, Route.VIDEO_DETAILS, 404);
        Eventually.await(
                SourceHarness.SYNC_TIMEOUT,
                "the video retracted once its details answer 404 too",
                () -> h.simulator.segments(video).stream()
                        .noneMatch(s -> h.topic().live().containsKey(idOf(s))));
        Set<String> others = new java.util.HashSet<>(synced.live().keySet());
        h.simulator.segments(video).forEach(s -> others.remove(idOf(s)));
        assertEquals(others, h.topic().live().keySet(), "only that video's segments were retracted");
    }

    private static void awaitMembersSynced(SourceHarness h, String collection, int members) {
        Eventually.await(SourceHarness.SYNC_TIMEOUT, "the " + members + " members", () -> {
            List<String> current = h.simulator.collectionMembers(collection);
            Set<String> expected = current.stream()
                    .flatMap(video -> h.simulator.segments(video).stream())
                    .map(SourceFaultsIT::idOf)
                    .collect(java.util.stream.Collectors.toSet());
            return current.size() == members && h.topic().live().keySet().equals(expected);
        });
    }

    private static double failedTotal(SourceHarness h) {
        return JmxMetrics.sum("kafka.connect:type=plugins,connector=" + h.name + ",*", "videos-failed-total");
    }

    /** Every other video syncs, nothing of the held-back one is live, and the task keeps running. */
    private static void awaitEveryVideoBut(SourceHarness h, String heldBack) {
        Eventually.await(SourceHarness.SYNC_TIMEOUT, "every video but " + heldBack, () -> {
            Set<String> live = h.topic().live().keySet();
            return h.simulator.liveSegments().stream()
                    .filter(s -> !s.videoId().equals(heldBack))
                    .allMatch(s -> live.contains(idOf(s)));
        });
        assertTrue(h.simulator.segments(heldBack).stream()
                .noneMatch(s -> h.topic().live().containsKey(idOf(s))));
        assertRunning(h);
    }

    private static void assertRunning(SourceHarness h) {
        assertTrue(
                connect.connectorStatus(h.name).tasks().stream()
                        .allMatch(t -> t.state().equals("RUNNING")),
                () -> connect.connectorStatus(h.name).tasks().toString());
    }

    private static String idOf(Segment segment) {
        return SegmentIds.documented(segment.videoId(), segment.start(), segment.end())
                .toString();
    }
}
