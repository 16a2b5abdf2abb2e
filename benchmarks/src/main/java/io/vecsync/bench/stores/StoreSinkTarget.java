/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.SegmentRow;
import io.vecsync.bench.common.SegmentRows;
import io.vecsync.core.SegmentSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/** A vector store under test: how it is served here, the sink's config pointing at it, and what the sink is measured against. */
interface StoreSinkTarget extends AutoCloseable {

    /** e.g. "Qdrant". */
    String name();

    /** Where the sink writes, for the report, e.g. "its protocol-level fake, in this JVM". */
    String served();

    /** Whether that is a real server: the 10x target is for those; against a fake, rates time the client side alone. */
    boolean realServer();

    /** The store's server, whose CPU the runs count apart from this JVM's. */
    Cost.Server server();

    /** The sink connector's class and store keys, writing into the run's target (collection or index), which the sink creates. */
    Map<String, String> sinkConfig(String run);

    /** Points the run's target holds; cheap enough to poll while a sink writes. */
    int pointCount(String run);

    /** (b): the docs' Python loop where the store has a real server here, else its official Java client a point at a time. */
    StoreSinkBaseline baseline();

    @Override
    void close();

    /** A store with no server here: its protocol-level fake, in this JVM. */
    interface Fake extends StoreSinkTarget {

        @Override
        default String served() {
            return "its protocol-level fake from the store's test-jar, in this JVM: no server of it runs here";
        }

        @Override
        default boolean realServer() {
            return false;
        }

        @Override
        default Cost.Server server() {
            return Cost.NO_SERVER;
        }
    }

    /** The payload every vecsync sink writes for a segment record: its fields but the id and the vector, in record order. */
    static Map<String, Object> payload(SegmentRow row) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(SegmentSchema.VIDEO_ID, row.videoId().toString());
        payload.put(SegmentSchema.START, row.start());
        payload.put(SegmentSchema.END, row.end());
        payload.put(SegmentSchema.START_SECONDS, row.startSeconds());
        payload.put(SegmentSchema.END_SECONDS, row.endSeconds());
        payload.put(SegmentSchema.EMBEDDING_OPTION, SegmentRows.EMBEDDING_OPTION);
        return payload;
    }
}
