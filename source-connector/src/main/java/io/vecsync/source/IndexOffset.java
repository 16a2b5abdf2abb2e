/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.source;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * The Connect source offset of one index bucket. Each shard's videos are spread over {@link #BUCKETS_PER_SHARD}
 * buckets, so a bucket holds 1/4096 of the library at 17 bytes a video: about 6 KB at a million videos, and under
 * 64 KB up to ten million.
 */
public final class IndexOffset {

    public static final String PARTITION_KEY = "index";
    public static final String VERSION_KEY = OffsetVersions.KEY;
    public static final String COUNT_KEY = "videos";
    public static final String ENTRIES_KEY = "entries";
    public static final int VERSION = 2;
    public static final int BUCKETS_PER_SHARD = 64;

    private IndexOffset() {}

    /** A video's bucket within its shard, from id bits the shard does not use. */
    static int bucketOf(UUID id) {
        return (int) ((id.getMostSignificantBits() ^ id.getLeastSignificantBits()) >>> 58);
    }

    /** The source partition of a shard's bucket. */
    public static Map<String, Object> partition(int shard, int bucket) {
        return Map.of(PARTITION_KEY, shard + "." + bucket);
    }

    static Map<String, Object> toMap(IndexBucket bucket) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(VERSION_KEY, VERSION);
        map.put(COUNT_KEY, bucket.size());
        map.put(ENTRIES_KEY, Base64.getEncoder().encodeToString(bucket.encode()));
        return map;
    }

    /** Reads a bucket back; null (nothing committed yet) is an empty bucket. */
    static IndexBucket fromMap(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return new IndexBucket();
        }
        OffsetVersions.require(map, VERSION, "video index");
        try {
            return IndexBucket.decode(Base64.getDecoder().decode((String) map.get(ENTRIES_KEY)));
        } catch (RuntimeException e) {
            throw new ConnectException("a video index source offset is corrupt: " + e.getMessage(), e);
        }
    }
}
