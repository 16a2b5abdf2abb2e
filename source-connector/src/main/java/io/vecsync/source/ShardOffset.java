package io.vecsync.source;

import org.apache.kafka.connect.errors.ConnectException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The Connect source offset of one shard: the state of every video in it. Segment boundaries compress well, so the
 * state is stored deflated in one string value, which keeps a shard of thousands of videos in a small offset record.
 */
public final class ShardOffset {

    public static final String PARTITION_KEY = "shard";
    public static final String VERSION_KEY = "v";
    public static final String VIDEOS_KEY = "videos";
    public static final String STATE_KEY = "state";
    public static final int VERSION = 1;

    private final Map<String, VideoState> videos;

    public ShardOffset(Map<String, VideoState> videos) {
        this.videos = Collections.unmodifiableMap(new TreeMap<>(videos));
    }

    /** The video states, by video id. */
    public Map<String, VideoState> videos() {
        return videos;
    }

    /** The source partition of a shard. */
    public static Map<String, Object> partition(int shard) {
        return Map.of(PARTITION_KEY, Integer.toString(shard));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(VERSION_KEY, VERSION);
        map.put(VIDEOS_KEY, videos.size());
        map.put(STATE_KEY, Base64.getEncoder().encodeToString(encode()));
        return map;
    }

    /**
     * Reads an offset back; null (nothing committed yet) is an empty shard.
     *
     * @throws ConnectException when the offset was written by a newer vecsync or is corrupt
     */
    public static ShardOffset fromMap(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return new ShardOffset(Map.of());
        }
        Object version = map.get(VERSION_KEY);
        if (!(version instanceof Number) || ((Number) version).intValue() != VERSION) {
            throw new ConnectException("source offset version " + version + " is not " + VERSION
                    + "; it was written by another vecsync version. Use a new connector name to start over.");
        }
        try {
            return new ShardOffset(decode(Base64.getDecoder().decode((String) map.get(STATE_KEY))));
        } catch (IOException | RuntimeException e) {
            throw new ConnectException("source offset is corrupt: " + e.getMessage(), e);
        }
    }

    private byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(videos.size());
            for (Map.Entry<String, VideoState> entry : videos.entrySet()) {
                VideoState state = entry.getValue();
                out.writeUTF(entry.getKey());
                out.writeUTF(state.version());
                out.writeByte(state.scheme().ordinal());
                out.writeBoolean(state.stale());
                out.writeInt(state.segments().size());
                for (SegmentKey segment : state.segments()) {
                    out.writeUTF(segment.start());
                    out.writeUTF(segment.end());
                    out.writeBoolean(segment.option() != null);
                    if (segment.option() != null) {
                        out.writeUTF(segment.option());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, VideoState> decode(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes)))) {
            int count = in.readInt();
            Map<String, VideoState> videos = new TreeMap<>();
            for (int v = 0; v < count; v++) {
                String id = in.readUTF();
                String version = in.readUTF();
                SegmentIdScheme scheme = SegmentIdScheme.values()[in.readByte()];
                boolean stale = in.readBoolean();
                int segments = in.readInt();
                List<SegmentKey> keys = new ArrayList<>(segments);
                for (int s = 0; s < segments; s++) {
                    String start = in.readUTF();
                    String end = in.readUTF();
                    keys.add(new SegmentKey(start, end, in.readBoolean() ? in.readUTF() : null));
                }
                videos.put(id, new VideoState(version, scheme, stale, keys));
            }
            return videos;
        }
    }
}
