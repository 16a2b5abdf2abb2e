/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.e2e;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The end-to-end benchmark's table, one line a producer-override set, against the two targets. */
final class E2eReport {

    static final double TARGET_SEGMENTS_PER_SECOND = 5_000;
    /** 4.5 KB, read as 4,500 bytes. */
    static final double TARGET_BYTES_PER_SEGMENT = 4_500;

    private final int videos;
    private final int segments;
    private final String server;
    private final E2eConfigs configs;
    private final PrintStream out;

    E2eReport(int videos, int segments, String server, E2eConfigs configs, PrintStream out) {
        this.videos = videos;
        this.segments = segments;
        this.server = server;
        this.configs = configs;
        this.out = out;
    }

    void print(List<E2eResult> results) {
        Map<String, String> shipped = configs.shippedProducerOverrides();
        out.printf(
                Locale.ROOT,
                "%nvecsync end-to-end benchmark: simulator -> source -> Kafka -> pgvector sink (no index), one worker;"
                        + " %,d videos, %,d segments, 1024-d; %d cores; %s%n",
                videos,
                segments,
                Runtime.getRuntime().availableProcessors(),
                server);
        out.printf(
                Locale.ROOT,
                "%-34s %11s %7s %13s %15s %12s %8s  %s%n",
                "source producer overrides",
                "segments/s",
                "wall s",
                "bytes/segment",
                "records/request",
                "batch bytes",
                "records",
                "targets");
        for (E2eResult r : results) {
            out.printf(
                    Locale.ROOT,
                    "%-34s %,11.0f %7.1f %,13.0f %15.1f %,12.0f %,8d  %s%s%n",
                    r.variant().label(),
                    r.segmentsPerSecond(),
                    r.seconds(),
                    r.bytesPerSegment(),
                    r.producer().recordsPerRequest(),
                    r.producer().batchBytes(),
                    r.records(),
                    verdict(r),
                    r.variant().producerOverrides().equals(shipped)
                            ? "  <- shipped config/source-connector.properties"
                            : "");
        }
        out.printf(
                Locale.ROOT,
                "measured, one run each after an unreported warm-up. segments/s: segments / seconds from creating the two"
                        + " connectors until the table's row count reached every segment. bytes/segment: the segment topic's partition"
                        + " logs on the broker (describeLogDirs), summed once its end offsets stood still after the source was deleted,"
                        + " / segments. records: on the topic, the source's offset-carrying tombstones included. Every variant: the"
                        + " shipped source (vector.encoding=%s, JSON values without schemas) and sink (pgvector.index=none) files;"
                        + " targets >= %,.0f segments/s, <= %,.0f bytes/segment.%n",
                configs.shippedSource().get("vector.encoding"),
                TARGET_SEGMENTS_PER_SECOND,
                TARGET_BYTES_PER_SEGMENT);
    }

    private static String verdict(E2eResult r) {
        return (r.segmentsPerSecond() >= TARGET_SEGMENTS_PER_SECOND ? "rate ok" : "rate MISSED") + ", "
                + (r.bytesPerSegment() <= TARGET_BYTES_PER_SEGMENT ? "bytes ok" : "bytes MISSED");
    }
}
