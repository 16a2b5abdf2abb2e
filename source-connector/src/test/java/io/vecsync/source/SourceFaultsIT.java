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
import io.vecsync.testing.TopicContents;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    void aVideoThePlatformWillNotDescribeKeepsItsSegmentsAndIsFetchedOnceListedAgain(TestInfo test) throws Exception {
        SourceHarness h =
                harness("details-403", PlatformSimulator.builder().seed(41).videos(4));
        h.start(h.config(1));
        h.awaitTruth("the initial sync");
        String video = h.simulator.videoIds().get(1);
        List<String> oldIds =
                h.simulator.segments(video).stream().map(SourceFaultsIT::idOf).toList();
        // Out of the done listing (re-processing), and the details call refused: the check fails, nothing is retracted.
        h.simulator.failVideo(video, Route.VIDEO_DETAILS, 403);
        h.simulator.startReprocessing(video);
        h.awaitReconciliations(2);
        assertTrue(
                h.topic().live().keySet().containsAll(oldIds),
                "the old segments stay while the platform refuses to say");
        assertRunning(h);
        h.simulator.finishReprocessing(video);
        h.awaitTruth("the re-processed video once listed done again");
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
    void aCollectionScopeWalksPagesOfAtMostAHundredAndAShiftRetractsNothing(TestInfo test) throws Exception {
        SourceHarness h = harness(
                "collection", PlatformSimulator.builder().seed(44).videos(230).segmentsPerVideo(1, 2));
        List<String> ids = h.simulator.videoIds();
        String collection = h.simulator.createCollection("picked", ids.subList(0, 210));
        Map<String, String> config = h.config(1);
        config.put(PlatformSourceConfig.FILTER_COLLECTION_ID, collection);
        config.put(PlatformSourceConfig.LIST_PAGE_SIZE, "500");
        h.start(config);
        Eventually.await(
                SourceHarness.SYNC_TIMEOUT,
                "the 210 members",
                () -> h.simulator.embeddingsCalls() == 210
                        && h.topic().live().size()
                                == h.simulator.liveSegments().stream()
                                        .filter(s -> ids.subList(0, 210).contains(s.videoId()))
                                        .count());
        int before = h.topic().live().size();
        h.awaitReconciliations(2);
        assertEquals(before, h.topic().live().size(), "full walks of a 3-page collection retract nothing");
        assertEquals(210, h.simulator.embeddingsCalls());
        assertRunning(h);
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
