package io.vecsync.source;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The task's view of what it has emitted, per shard, and the offsets that make it durable. A shard's new state rides
 * on the last record a poll emits for that shard; earlier records carry the previous state, so a crash mid-video
 * commits nothing that was not written and the video is fetched again.
 */
final class SyncLedger {

    private final Map<Integer, Map<String, VideoState>> shards = new TreeMap<>();
    private final Map<Integer, Map<String, Object>> lastAttached = new HashMap<>();

    /** Loads the committed state of the given shards. */
    SyncLedger(Collection<Integer> owned, OffsetStorageReader reader) {
        List<Map<String, Object>> partitions = owned.stream().map(ShardOffset::partition).toList();
        Map<Map<String, Object>, Map<String, Object>> committed = reader.offsets(partitions);
        for (int shard : owned) {
            Map<String, Object> offset = committed.get(ShardOffset.partition(shard));
            shards.put(shard, new HashMap<>(ShardOffset.fromMap(offset).videos()));
            lastAttached.put(shard, offset == null ? new ShardOffset(Map.of()).toMap() : offset);
        }
    }

    VideoState get(String videoId) {
        return shard(videoId).get(videoId);
    }

    void put(String videoId, VideoState state) {
        shard(videoId).put(videoId, state);
    }

    void remove(String videoId) {
        shard(videoId).remove(videoId);
    }

    /** Every video with emitted state, across the owned shards. */
    List<String> videoIds() {
        List<String> ids = new ArrayList<>();
        shards.values().forEach(videos -> ids.addAll(videos.keySet()));
        return ids;
    }

    int size() {
        return shards.values().stream().mapToInt(Map::size).sum();
    }

    /** Turns a poll's pending records into source records with the offsets described in the class doc. */
    List<SourceRecord> seal(List<PendingRecord> pending) {
        Map<Integer, Integer> lastIndexOfShard = new HashMap<>();
        for (int i = 0; i < pending.size(); i++) {
            lastIndexOfShard.put(pending.get(i).shard(), i);
        }
        Map<Integer, Map<String, Object>> newOffsets = new HashMap<>();
        lastIndexOfShard.keySet().forEach(shard -> newOffsets.put(shard, new ShardOffset(shards.get(shard)).toMap()));
        List<SourceRecord> records = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            PendingRecord record = pending.get(i);
            int shard = record.shard();
            Map<String, Object> offset = lastIndexOfShard.get(shard) == i ? newOffsets.get(shard) : lastAttached.get(shard);
            records.add(record.toSourceRecord(ShardOffset.partition(shard), offset));
        }
        lastAttached.putAll(newOffsets);
        return records;
    }

    Set<Integer> ownedShards() {
        return shards.keySet();
    }

    private Map<String, VideoState> shard(String videoId) {
        Map<String, VideoState> videos = shards.get(Shards.of(videoId));
        if (videos == null) {
            throw new IllegalStateException("video " + videoId + " is in shard " + Shards.of(videoId) + ", not owned by this task");
        }
        return videos;
    }
}
