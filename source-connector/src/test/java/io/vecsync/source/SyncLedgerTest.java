/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

class SyncLedgerTest {

    private static final List<Integer> ALL_SHARDS = Shards.assign(1).get(0);
    private static final String TOPIC = "segments";
    private final Map<Map<String, Object>, Map<String, Object>> committed = new HashMap<>();
    private final OffsetStorageReader reader = new CommittedOffsets();

    @Test
    void aNewVideoIsPendingUntilWrittenAndTheIndexLearnsItAtTheNextCommit() {
        SyncLedger ledger = new SyncLedger(ALL_SHARDS, reader);
        UUID id = UUID.randomUUID();
        assertTrue(ledger.needsFetch(id, false), "a video never synced is fetched");

        ledger.writing(id, offset(), 2, false);
        assertFalse(ledger.needsFetch(id, true), "not while its records are on their way, even re-verifying");
        List<SourceRecord> carriers = ledger.carriers(TOPIC);
        assertEquals(1, carriers.size(), "one carrier for the bucket, before the video's records");
        commit(carriers);

        ledger.written(id.toString());
        ledger.written(id.toString());
        ledger.settle();
        assertFalse(ledger.needsFetch(id, false));
        assertTrue(ledger.needsFetch(id, true), "a re-verification fetches it once written");
        assertTrue(ledger.carriers(TOPIC).isEmpty(), "the confirmation waits for an offset commit");
        ledger.committed();
        ledger.settle();
        commit(ledger.carriers(TOPIC));
        assertFalse(new SyncLedger(ALL_SHARDS, reader).needsFetch(id, false), "a restart finds it synced");
    }

    @Test
    void aRestartConfirmsAPendingNewVideoByItsOwnOffsetAndFetchesAPendingResyncAgain() {
        SyncLedger ledger = new SyncLedger(ALL_SHARDS, reader);
        UUID written = UUID.randomUUID();
        UUID cut = UUID.randomUUID();
        UUID resynced = UUID.randomUUID();
        ledger.writing(written, offset(), 1, false);
        ledger.writing(cut, offset(), 1, false);
        ledger.writing(resynced, offset(), 1, true);
        commit(ledger.carriers(TOPIC));
        // Only the first video's last record, which carries its offset, made it before the crash.
        committed.put(VideoOffset.partition(written.toString()), offset().toMap());
        committed.put(VideoOffset.partition(resynced.toString()), offset().toMap());

        SyncLedger restarted = new SyncLedger(ALL_SHARDS, reader);
        assertFalse(restarted.needsFetch(written, false), "its offset proves every record was written");
        assertTrue(restarted.needsFetch(cut, false), "no offset: fetched again");
        assertTrue(restarted.needsFetch(resynced, false), "an offset cannot tell the old version from the new one");
    }

    @Test
    void aFullWalkAsksOnlyAboutSyncedVideosItDidNotListInASweepOfAFewBucketsAPoll() {
        SyncLedger ledger = new SyncLedger(ALL_SHARDS, reader);
        UUID listed = UUID.randomUUID();
        UUID unlisted = UUID.randomUUID();
        ledger.writing(listed, offset(), 1, false);
        ledger.writing(unlisted, offset(), 1, false);
        ledger.beginFullWalk();
        ledger.listedByFullWalk(listed);
        UUID fetchedDuringTheWalk = UUID.randomUUID();
        ledger.writing(fetchedDuringTheWalk, offset(), 1, false);
        List<UUID> asked = new java.util.ArrayList<>();
        ledger.endFullWalk(asked::add);
        int polls = 0;
        while (ledger.sweeping()) {
            ledger.sweepUnlisted(Discovery.SWEEP_BUCKETS_PER_POLL);
            polls++;
        }
        assertEquals(List.of(unlisted), asked);
        assertEquals(Shards.COUNT * IndexOffset.BUCKETS_PER_SHARD / Discovery.SWEEP_BUCKETS_PER_POLL, polls);

        // The next walk starts from nothing seen: a video listed last time, or synced between walks, is asked about.
        UUID syncedBetweenWalks = UUID.randomUUID();
        ledger.writing(syncedBetweenWalks, offset(), 1, false);
        ledger.beginFullWalk();
        ledger.listedByFullWalk(unlisted);
        List<UUID> askedNext = new java.util.ArrayList<>();
        ledger.endFullWalk(askedNext::add);
        while (ledger.sweeping()) {
            ledger.sweepUnlisted(Discovery.SWEEP_BUCKETS_PER_POLL);
        }
        assertEquals(
                java.util.Set.of(listed, fetchedDuringTheWalk, syncedBetweenWalks), new java.util.HashSet<>(askedNext));
    }

    @Test
    void aRetractedVideoLeavesTheIndexOnceItsTombstonesAreWritten() {
        SyncLedger ledger = new SyncLedger(ALL_SHARDS, reader);
        UUID id = UUID.randomUUID();
        ledger.writing(id, offset(), 1, false);
        ledger.written(id.toString());
        ledger.retracting(id, 2);
        ledger.settle();
        assertTrue(ledger.isSynced(id) && ledger.isRetracting(id));
        ledger.written(id.toString());
        ledger.written(id.toString());
        ledger.settle();
        assertFalse(ledger.isSynced(id));
    }

    @Test
    void recentOffsetsComeFromMemoryUntilTwoCommitsAfterTheirRecordsWereWritten() {
        VideoStates states = new VideoStates(reader);
        String video = UUID.randomUUID().toString();
        states.emitted(video, offset(), 1);
        states.committed();
        assertEquals(Optional.of(offset()), states.read(List.of(video)).get(video), "not written yet: memory");
        assertTrue(states.written(video));
        states.committed();
        assertEquals(1, states.inMemory(), "that commit may have started before the write");
        states.committed();
        assertEquals(0, states.inMemory());
        assertEquals(Optional.empty(), states.read(List.of(video)).get(video), "then Connect's store answers");
    }

    private static VideoOffset offset() {
        return new VideoOffset(SegmentIdScheme.AUTO, 7L, List.of(new SegmentKey("00:00:00", "00:00:05", "visual")));
    }

    /** What Connect does with the carriers once written: their offsets become the committed ones. */
    private void commit(List<SourceRecord> carriers) {
        carriers.forEach(record -> committed.put(castMap(record.sourcePartition()), castMap(record.sourceOffset())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<String, ?> map) {
        return (Map<String, Object>) map;
    }

    /** Connect's offset store as the task sees it: the offsets committed so far. */
    private final class CommittedOffsets implements OffsetStorageReader {
        @Override
        public <T> Map<String, Object> offset(Map<String, T> partition) {
            return committed.get(partition);
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
            Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
            partitions.forEach(partition -> result.put(partition, committed.get(partition)));
            return result;
        }
    }
}
