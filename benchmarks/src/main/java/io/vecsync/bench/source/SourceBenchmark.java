/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import io.vecsync.bench.common.BenchmarkMain;
import io.vecsync.embedded.EmbeddedConnect;
import io.vecsync.embedded.EmbeddedKafka;
import io.vecsync.simulator.PlatformSimulator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Measures the platform source connector's throughput and record size per vector encoding on an in-process cluster. */
public final class SourceBenchmark {

    private static final long SEED = 42L;
    private static final List<Variant> MEASURED =
            List.of(Variant.FLOAT_ARRAY, Variant.FLOAT32_LE, Variant.FLOAT_ARRAY_SCHEMAS);

    private SourceBenchmark() {}

    public static void main(String[] args) {
        BenchmarkMain.run(args, SourceOptions::parse, SourceBenchmark::run);
    }

    private static void run(SourceOptions options, PrintStream report) throws Exception {
        try (PlatformSimulator simulator = PlatformSimulator.builder()
                        .seed(SEED)
                        .videos(options.videos())
                        .segmentsPerVideo(10, 15)
                        .build()
                        .start();
                EmbeddedKafka kafka = EmbeddedKafka.start(Map.of());
                EmbeddedConnect connect = EmbeddedConnect.start(kafka, Map.of());
                SyncRunner runner = new SyncRunner(connect, simulator)) {
            Map<Variant, List<RunResult>> results = new LinkedHashMap<>();
            // Round 0 is thrown away: it renders every simulator response and takes the bulk of the JIT's warm-up of
            // each
            // variant's code, which otherwise makes the first measured round up to twice as slow.
            for (int round = 0; round <= options.rounds(); round++) {
                for (Variant variant : MEASURED) {
                    RunResult result = runner.run(variant, round);
                    System.err.printf(
                            Locale.ROOT,
                            "round %d%s, %s: %,d segments in %.1f s%n",
                            round,
                            round == 0 ? " (warm-up)" : "",
                            variant.label(),
                            result.segments(),
                            result.seconds());
                    if (round > 0) {
                        results.computeIfAbsent(variant, v -> new ArrayList<>()).add(result);
                    }
                }
            }
            List<Rounds> variants = results.entrySet().stream()
                    .map(e -> new Rounds(e.getKey(), e.getValue()))
                    .toList();
            new SourceReport(options.videos(), runner.segments(), report).print(variants);
        }
    }
}
