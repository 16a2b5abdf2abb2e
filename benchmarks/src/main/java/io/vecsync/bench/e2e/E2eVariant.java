/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.e2e;

import java.util.List;
import java.util.Map;

/**
 * The shipped source config with one set of {@code producer.override.*} settings in place of the file's own.
 *
 * @param name              connector, topic and table name
 * @param producerOverrides producer settings, without the {@code producer.override.} prefix; empty: Connect's defaults
 */
record E2eVariant(String name, String label, Map<String, String> producerOverrides) {

    private static final String BATCH = "524288";

    static final E2eVariant BASELINE = new E2eVariant("e2e-baseline", "no producer overrides", Map.of());
    static final E2eVariant BATCHING = new E2eVariant(
            "e2e-batching", "linger 50 ms, batch 512 KB", Map.of("linger.ms", "50", "batch.size", BATCH));
    static final E2eVariant LZ4 = new E2eVariant(
            "e2e-lz4",
            "lz4, linger 50 ms, batch 512 KB",
            Map.of("compression.type", "lz4", "linger.ms", "50", "batch.size", BATCH));
    static final E2eVariant ZSTD = new E2eVariant(
            "e2e-zstd",
            "zstd, linger 50 ms, batch 512 KB",
            Map.of("compression.type", "zstd", "linger.ms", "50", "batch.size", BATCH));

    /** The variants the benchmark measures and reports, in order. */
    static final List<E2eVariant> MEASURED = List.of(BASELINE, BATCHING, LZ4, ZSTD);

    /** The same variant under a name of its own: a source connector reusing a name would resume from its offsets. */
    E2eVariant warmUp() {
        return new E2eVariant(name + "-warm-up", "warm-up", producerOverrides);
    }
}
