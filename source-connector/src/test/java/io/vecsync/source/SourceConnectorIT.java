/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vecsync.core.Float32Codec;
import io.vecsync.core.SegmentIds;
import io.vecsync.simulator.Corruption;
import io.vecsync.simulator.ListShape;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Route;
import io.vecsync.simulator.Segment;
import io.vecsync.testing.Eventually;
import io.vecsync.testing.JmxMetrics;
import io.vecsync.testing.TopicContents;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The source connector in a real Kafka Connect worker against the platform simulator. */
@Tag("slow")
class SourceConnectorIT extends SourceClusterTest {

    @Test
    void initialSyncEqualsTheTruthAndARestartSpendsNoCredit(TestInfo test) throws Exception {
        SourceHarness h =
                harness(test, PlatformSimulator.builder().seed(1).videos(15).segmentsPerVideo(3, 9));
        h.simulator.listShape(ListShape.BARE_ARRAY);
        h.start(h.config(1));

        TopicContents synced = h.awaitTruth("the initial sync");
        assertTrue(
                java.util.Collections.disjoint(synced.tombstoned(), h.librarySegmentIds()),
                "nothing of the library retracted");
        assertEquals(15, h.simulator.embeddingsCalls(), "one embeddings call per video version");
        assertValueMatchesThePlatform(h, synced);
        Eventually.await(
                Duration.ofSeconds(30),
                "the embeddings-calls metric",
                () -> JmxMetrics.sum("kafka.connect:type=plugins,connector=" + h.name + ",*", "embeddings-calls-total")
                        == 15,
                () -> String.valueOf(JmxMetrics.sum(
                        "kafka.connect:type=plugins,connector=" + h.name + ",*", "embeddings-calls-total")));

        h.awaitReconciliations(3);
        assertEquals(15, h.simulator.embeddingsCalls(), "steady state polls fetch nothing");
        assertEquals(0, h.simulator.requests(Route.VIDEO_DETAILS), "no video the platform lists is asked about");

        connect.restartConnectorAndTasks(h.name, false, true, false);
        h.awaitReconciliations(3);
        assertEquals(15, h.simulator.embeddingsCalls(), "a restart fetches nothing again");
        assertEquals(synced.live().keySet(), h.topic().live().keySet());
    }

    @Test
    void lateCompletionReprocessingAndDeletionEndAtTheTruth(TestInfo test) throws Exception {
        SourceHarness h = harness(test, PlatformSimulator.builder().seed(2).videos(8));
        String late = h.simulator.upload("late", 5, false);
        h.start(h.config(1));
        h.awaitTruth("the initial sync");

        h.simulator.completeSearchProcess(late);
        String fresh = h.simulator.upload("fresh upload", 4, true);
        List<String> ids = h.simulator.videoIds();
        String reprocessed = ids.get(0);
        String deleted = ids.get(1);
        List<String> oldIdsOfReprocessed = h.simulator.segments(reprocessed).stream()
                .map(SourceConnectorIT::idOf)
                .toList();
        List<String> idsOfDeleted = h.simulator.segments(deleted).stream()
                .map(SourceConnectorIT::idOf)
                .toList();
        h.simulator.startReprocessing(reprocessed);
        h.awaitReconciliations(2);
        h.simulator.finishReprocessing(reprocessed);
        h.simulator.delete(deleted);

        TopicContents end = h.awaitTruth("late completion, a new upload, a re-processing and a deletion");
        assertTrue(end.tombstones() > 0, "re-processing and deletion retract segments");
        assertTrue(idsOfDeleted.stream().noneMatch(end.live()::containsKey), "no segment of the deleted video is live");
        assertTrue(
                oldIdsOfReprocessed.stream().noneMatch(end.live()::containsKey),
                "no old segment of the re-processed video is live");
        assertEquals(h.simulator.versionsCompleted(), h.simulator.embeddingsCalls(), "calls equal versions");
        assertFalse(h.simulator.segments(fresh).isEmpty());
    }

    @Test
    void aVideoDeletedWhileStoppedIsRetractedOnResume(TestInfo test) throws Exception {
        SourceHarness h = harness(test, PlatformSimulator.builder().seed(3).videos(6));
        h.start(h.config(1));
        h.awaitTruth("the initial sync");
        int calls = h.simulator.embeddingsCalls();

        connect.stopConnector(h.name);
        connect.assertions().assertConnectorIsStopped(h.name, "connector did not stop");
        String deleted = h.simulator.videoIds().get(2);
        h.simulator.delete(deleted);
        connect.resumeConnector(h.name);

        TopicContents end = h.awaitTruth("retraction of a video deleted while stopped");
        assertTrue(end.tombstones() >= 1);
        assertEquals(calls, h.simulator.embeddingsCalls(), "a deletion costs no embeddings call");
    }

    @Test
    void rateLimitsAndOutagesOnlySlowTheSyncDown(TestInfo test) throws Exception {
        SourceHarness h = harness(test, PlatformSimulator.builder().seed(4).videos(12));
        h.simulator.failNext(Route.VIDEO_EMBEDDINGS, 429, 5);
        h.simulator.chaos(0.25, 429, 503, 500, 408);
        h.start(h.config(1));

        h.awaitTruth("a sync through 429s and 5xx");
        h.simulator.chaos(0);
        h.awaitReconciliations(2);
        h.awaitTruth("the truth after chaos");
        assertTrue(connect.connectorStatus(h.name).tasks().stream()
                .allMatch(t -> t.state().equals("RUNNING")));
        assertTrue(h.simulator.requests(Route.VIDEO_EMBEDDINGS) > 12, "failed attempts were retried");
        assertEquals(12, h.simulator.creditsCharged(), "refunded failures aside, each video cost one credit");
    }

    @Test
    void aBrokenVideoIsRetriedLaterWithoutHoldingUpTheOthers(TestInfo test) throws Exception {
        SourceHarness h = harness(test, PlatformSimulator.builder().seed(5).videos(6));
        List<String> ids = h.simulator.videoIds();
        h.simulator.corrupt(ids.get(0), Corruption.MALFORMED_JSON);
        h.simulator.corrupt(ids.get(1), Corruption.WRONG_DIMENSION);
        h.simulator.notReady(ids.get(2), true);
        h.start(h.config(1));

        Eventually.await(SourceHarness.SYNC_TIMEOUT, "the three healthy videos", () -> {
            TopicContents contents = h.topic();
            return h.simulator.liveSegments().stream()
                    .filter(s -> !ids.subList(0, 3).contains(s.videoId()))
                    .allMatch(s -> contents.live().containsKey(idOf(s)));
        });
        TopicContents partial = h.topic();
        for (String broken : ids.subList(0, 3)) {
            assertTrue(
                    h.simulator.segments(broken).stream()
                            .noneMatch(s -> partial.live().containsKey(idOf(s))),
                    "nothing of broken video " + broken + " is emitted");
        }
        assertTrue(connect.connectorStatus(h.name).tasks().stream()
                .allMatch(t -> t.state().equals("RUNNING")));
        int callsBefore = h.simulator.embeddingsCalls(ids.get(0));
        h.awaitReconciliations(8);
        int callsDuring = h.simulator.embeddingsCalls(ids.get(0)) - callsBefore;
        assertTrue(
                callsDuring <= 4,
                "a failing video backs off instead of costing a credit every walk: " + callsDuring
                        + " calls in 8 walks");

        h.simulator.repair(ids.get(0));
        h.simulator.repair(ids.get(1));
        h.simulator.notReady(ids.get(2), false);
        h.awaitTruth("the repaired videos");
    }

    @Test
    void pagesShiftingUnderTheWalkLoseNothingAndRetractOnlyTheDeleted(TestInfo test) throws Exception {
        SourceHarness h =
                harness(test, PlatformSimulator.builder().seed(8).videos(20).segmentsPerVideo(2, 4));
        h.start(h.config(1));
        h.awaitTruth("the initial sync");
        int calls = h.simulator.embeddingsCalls();

        // Page size is 7: deleting three of the first page's videos just before page two is read moves three
        // videos from page two onto page one, already read, so this walk misses them although they still exist.
        List<String> ids = h.simulator.videoIds();
        List<String> deleted = ids.subList(0, 3);
        h.simulator.beforeListPage(7, () -> deleted.forEach(h.simulator::delete));
        String uploaded = h.simulator.upload("uploaded mid-walk", 3, true);
        h.simulator.beforeListPage(14, () -> h.simulator.upload("uploaded during the walk", 2, true));

        TopicContents end = h.awaitTruth("only the deleted videos retracted");
        h.awaitReconciliations(2);
        assertEquals(end.live().keySet(), h.topic().live().keySet(), "nothing retracted later either");
        assertEquals(calls + 2, h.simulator.embeddingsCalls(), "only the two uploads were fetched");
        assertEquals(1, h.simulator.embeddingsCalls(uploaded));
    }

    @Test
    void twoEmbeddingOptionsNeverOverwriteEachOtherAndCompactVectorsRoundTrip(TestInfo test) throws Exception {
        SourceHarness h =
                harness(test, PlatformSimulator.builder().seed(9).videos(3).embeddingOptions("visual", "audio"));
        Map<String, String> config = h.config(1);
        config.put(PlatformSourceConfig.VECTOR_ENCODING, "float32_le");
        h.start(config);

        TopicContents synced = h.awaitTruth("both options of every segment");
        assertEquals(h.simulator.liveSegments().size(), synced.live().size(), "one record per (segment, option)");
        Segment audio = h.simulator.liveSegments().stream()
                .filter(s -> s.option().equals("audio"))
                .findFirst()
                .orElseThrow();
        String id = SegmentIds.optionQualified(audio.videoId(), audio.start(), audio.end(), "audio")
                .toString();
        JsonNode value = new ObjectMapper().readTree(synced.live().get(id));
        assertEquals("audio", value.get("embedding_option").asText());
        byte[] vector = value.get("embedding").binaryValue();
        assertEquals(4 * 1024, vector.length);
        assertArrayEquals(audio.embedding(), Float32Codec.decode(vector));
    }

    @Test
    void aRejectedApiKeyFailsTheTaskNamingTheConfigKey(TestInfo test) throws Exception {
        SourceHarness h = harness(test, PlatformSimulator.builder().seed(6).videos(2));
        Map<String, String> config = h.config(1);
        config.put(PlatformSourceConfig.API_KEY, "sk-wrong-key-1234");
        connect.configureConnector(h.name, config);
        connect.assertions().assertConnectorIsRunningAndTasksHaveFailed(h.name, 1, "the task should fail");
        String trace = connect.connectorStatus(h.name).tasks().get(0).trace();
        assertTrue(trace.contains(PlatformSourceConfig.API_KEY), trace);
        assertFalse(trace.contains("sk-wrong-key-1234"), "the key itself must not appear");
    }

    @Test
    void scopeFiltersLimitWhatIsSynced(TestInfo test) throws Exception {
        SourceHarness h = harness(test, PlatformSimulator.builder().seed(7).videos(6));
        List<String> ids = h.simulator.videoIds();
        String collection = h.simulator.createCollection("picked", List.of(ids.get(1), ids.get(2), ids.get(3)));
        Map<String, String> config = h.config(1);
        config.put(PlatformSourceConfig.FILTER_COLLECTION_ID, collection);
        config.put(PlatformSourceConfig.FILTER_VIDEO_IDS, ids.get(2) + "," + ids.get(3) + "," + ids.get(4));
        h.start(config);

        Eventually.await(
                SourceHarness.SYNC_TIMEOUT,
                "videos 2 and 3 only",
                () -> h.topic().live().keySet().equals(new java.util.HashSet<>(idsOfVideos(h, ids.subList(2, 4)))));
        h.awaitReconciliations(2);
        assertEquals(2, h.simulator.embeddingsCalls(), "out-of-scope videos are never fetched");
    }

    @Test
    void restValidationReportsCrossFieldErrorsOnTheKey(TestInfo test) throws Exception {
        Map<String, String> config = Map.of(
                "connector.class",
                PlatformSourceConnector.class.getName(),
                PlatformSourceConfig.BASE_URL,
                "ftp://nowhere",
                PlatformSourceConfig.API_KEY,
                "sk-secret",
                PlatformSourceConfig.RETRY_BACKOFF_MS,
                "5000",
                PlatformSourceConfig.RETRY_BACKOFF_MAX_MS,
                "1000");
        ConfigInfos infos = connect.validateConnectorConfig(PlatformSourceConnector.class.getSimpleName(), config);
        assertEquals(
                List.of("platform.retry.backoff.ms (5000) must not exceed platform.retry.backoff.max.ms (1000)"),
                errorsOf(infos, PlatformSourceConfig.RETRY_BACKOFF_MS));
        assertTrue(errorsOf(infos, PlatformSourceConfig.BASE_URL).get(0).contains("http"));
        assertFalse(infos.toString().contains("sk-secret"));
    }

    private static List<String> errorsOf(ConfigInfos infos, String key) {
        return infos.configs().stream()
                .map(ConfigInfo::configValue)
                .filter(v -> v.name().equals(key))
                .findFirst()
                .orElseThrow()
                .errors();
    }

    private static void assertValueMatchesThePlatform(SourceHarness h, TopicContents synced) throws IOException {
        Segment segment = h.simulator.liveSegments().get(0);
        String id = idOf(segment);
        JsonNode value = new ObjectMapper().readTree(synced.live().get(id));
        assertEquals(id, value.get("id").asText());
        assertEquals(segment.videoId(), value.get("video_id").asText());
        assertEquals(segment.start(), value.get("start").asText());
        assertEquals(segment.end(), value.get("end").asText());
        assertEquals(segment.option(), value.get("embedding_option").asText());
        assertEquals(
                h.simulator.hlsPlaylistUrl(segment.videoId()),
                value.get("hls_playlist_url").asText());
        JsonNode embedding = value.get("embedding");
        assertEquals(segment.embedding().length, embedding.size());
        for (int i = 0; i < embedding.size(); i++) {
            assertEquals(segment.embedding()[i], (float) embedding.get(i).asDouble(), "embedding[" + i + "]");
        }
    }

    private static String idOf(Segment segment) {
        return SegmentIds.documented(segment.videoId(), segment.start(), segment.end())
                .toString();
    }

    private static List<String> idsOfVideos(SourceHarness h, List<String> videoIds) {
        return h.simulator.liveSegments().stream()
                .filter(s -> videoIds.contains(s.videoId()))
                .map(s -> idOf(s))
                .toList();
    }
}
