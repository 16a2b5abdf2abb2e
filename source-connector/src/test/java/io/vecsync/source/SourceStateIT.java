/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecsync.core.SegmentIds;
import io.vecsync.simulator.PlatformSimulator;
import io.vecsync.simulator.Segment;
import io.vecsync.testing.ConnectClusters;
import io.vecsync.testing.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets;
import org.apache.kafka.connect.runtime.rest.entities.CreateConnectorRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The source's state through a real worker: its size at scale, restarts, tasks.max changes and migration. */
@Tag("slow")
class SourceStateIT extends SourceClusterTest {

    private static final Duration LARGE_SYNC = Duration.ofMinutes(4);

    @Test
    void aHundredThousandVideosRestartWithoutACreditAndADeletionWhileStoppedIsRetracted(TestInfo test)
            throws Exception {
        int videos = 100_000;
        SourceHarness h = harness(
                test,
                PlatformSimulator.builder()
                        .seed(21)
                        .videos(videos)
                        .segmentsPerVideo(1, 1)
                        .dimension(8));
        Map<String, String> config = h.config(2);
        config.put(PlatformSourceConfig.EMBEDDING_DIMENSION, "8");
        config.put(PlatformSourceConfig.LIST_PAGE_SIZE, "500");
        config.put(PlatformSourceConfig.FETCH_CONCURRENCY, "8");
        h.start(config);
        Eventually.await(
                LARGE_SYNC,
                "the initial sync of " + videos + " videos",
                () -> h.simulator.embeddingsCalls() >= videos
                        && h.topic().live().size() == videos,
                () -> h.simulator.embeddingsCalls() + " embeddings calls");
        h.awaitReconciliations(1);
        int calls = h.simulator.embeddingsCalls();
        assertEquals(videos, calls, "one call a video");

        connect.stopConnector(h.name);
        connect.assertions().assertConnectorIsStopped(h.name, "connector did not stop");
        String deleted = h.simulator.videoIds().get(4_321);
        Segment gone = h.simulator.segments(deleted).get(0);
        h.simulator.delete(deleted);
        connect.resumeConnector(h.name);
        Eventually.await(
                LARGE_SYNC,
                "the retraction of the video deleted while stopped",
                () -> !h.topic()
                        .live()
                        .containsKey(SegmentIds.documented(deleted, gone.start(), gone.end())
                                .toString()));
        assertEquals(calls, h.simulator.embeddingsCalls(), "a restart fetches nothing again");
        assertEquals(videos - 1, h.topic().live().size());

        int largest = largestOffsetRecord();
        assertTrue(largest <= 64 * 1024, "the largest offset record is " + largest + " bytes");
        System.out.printf("%d videos: largest offset record %d bytes%n", videos, largest);
    }

    @Test
    void tasksMaxTwoToFiveToOneKeepsEveryVideosState(TestInfo test) throws Exception {
        SourceHarness h =
                harness(test, PlatformSimulator.builder().seed(22).videos(120).segmentsPerVideo(1, 4));
        h.start(h.config(2));
        h.awaitTruth("the sync by two tasks");
        for (int tasks : new int[] {5, 1}) {
            h.start(h.config(tasks));
            h.awaitReconciliations(1);
            assertEquals(120, h.simulator.embeddingsCalls(), "tasks.max " + tasks + " fetched nothing again");
        }
        String deleted = h.simulator.videoIds().get(7);
        h.simulator.delete(deleted);
        h.awaitTruth("a deletion seen by the one task that now owns every shard");
    }

    @Test
    void versionOneOffsetsAreMigratedOnFirstStart(TestInfo test) throws Exception {
        SourceHarness h =
                harness(test, PlatformSimulator.builder().seed(23).videos(30).segmentsPerVideo(2, 5));
        Map<String, String> config = h.config(1);
        // Created stopped, so that the only state it ever has is the version-1 offsets written below.
        connect.configureConnector(
                new CreateConnectorRequest(h.name, config, CreateConnectorRequest.InitialState.STOPPED));
        connect.assertions().assertConnectorIsStopped(h.name, "connector did not start stopped");
        connect.alterConnectorOffsets(h.name, new ConnectorOffsets(versionOneOffsets(h)));
        String deleted = h.simulator.videoIds().get(3);
        List<String> retracted = h.simulator.segments(deleted).stream()
                .map(s -> SegmentIds.documented(deleted, s.start(), s.end()).toString())
                .toList();
        h.simulator.delete(deleted);

        connect.resumeConnector(h.name);
        Eventually.await(
                SourceHarness.SYNC_TIMEOUT,
                "the deleted video's tombstones",
                () -> h.topic().tombstoned().containsAll(retracted));
        h.awaitReconciliations(1);
        assertEquals(0, h.simulator.embeddingsCalls(), "migrated videos are not fetched again");
        assertTrue(h.topic().live().isEmpty(), "the migration itself upserts nothing");
    }

    /** Version-1 offsets, one per shard, as the previous vecsync wrote them: every video the simulator has. */
    @SuppressWarnings("EnumOrdinal") // writes the legacy format, which stored the scheme's ordinal
    private static List<ConnectorOffset> versionOneOffsets(SourceHarness h) throws IOException {
        Map<Integer, List<String>> byShard = new LinkedHashMap<>();
        h.simulator
                .videoIds()
                .forEach(id -> byShard.computeIfAbsent(Shards.of(java.util.UUID.fromString(id)), s -> new ArrayList<>())
                        .add(id));
        List<ConnectorOffset> offsets = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> shard : byShard.entrySet()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
                out.writeInt(shard.getValue().size());
                for (String videoId : shard.getValue()) {
                    List<Segment> segments = h.simulator.segments(videoId);
                    out.writeUTF(videoId);
                    out.writeUTF("2026-01-01T00:00:00Z");
                    out.writeByte(SegmentIdScheme.AUTO.ordinal());
                    out.writeBoolean(false);
                    out.writeInt(segments.size());
                    for (Segment segment : segments) {
                        out.writeUTF(segment.start());
                        out.writeUTF(segment.end());
                        out.writeBoolean(true);
                        out.writeUTF(segment.option());
                    }
                }
            }
            offsets.add(new ConnectorOffset(
                    LegacyMigration.shardPartition(shard.getKey()),
                    Map.of(
                            "v",
                            1,
                            "videos",
                            shard.getValue().size(),
                            LegacyMigration.STATE_KEY,
                            Base64.getEncoder().encodeToString(bytes.toByteArray()))));
        }
        return offsets;
    }

    /** The largest value on the worker's offsets topic. */
    private static int largestOffsetRecord() throws Exception {
        int largest = 0;
        for (ConsumerRecord<byte[], byte[]> record :
                connect.kafka().consumeAll(60_000, ConnectClusters.OFFSETS_TOPIC)) {
            largest = Math.max(largest, record.value() == null ? 0 : record.value().length);
        }
        return largest;
    }
}
