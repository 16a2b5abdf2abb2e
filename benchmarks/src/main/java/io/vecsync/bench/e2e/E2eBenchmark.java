/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.e2e;

import io.vecsync.bench.common.BenchTopics;
import io.vecsync.bench.common.BenchmarkMain;
import io.vecsync.bench.pgvector.PgDatabase;
import io.vecsync.embedded.EmbeddedConnect;
import io.vecsync.embedded.EmbeddedKafka;
import io.vecsync.simulator.PlatformSimulator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Measures the shipped configs end to end in one worker: simulator -> source -> Kafka -> pgvector sink (no index). */
public final class E2eBenchmark {

    private static final int SEGMENTS_PER_VIDEO = 5;

    private E2eBenchmark() {}

    public static void main(String[] args) {
        BenchmarkMain.run(args, E2eOptions::parse, E2eBenchmark::run);
    }

    static void run(E2eOptions options, PrintStream report) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Map.of());
                // The policy the shipped source's producer.override.* keys need; All is Kafka's default, set here to be
                // explicit.
                EmbeddedConnect connect =
                        EmbeddedConnect.start(kafka, Map.of("connector.client.config.override.policy", "All"));
                PlatformSimulator simulator = PlatformSimulator.builder()
                        .seed(1)
                        .videos(options.videos())
                        .segmentsPerVideo(SEGMENTS_PER_VIDEO, SEGMENTS_PER_VIDEO)
                        .build()
                        .start();
                PgDatabase db = PgDatabase.connect(options.pgUrl());
                BenchTopics topics = new BenchTopics(kafka)) {
            E2eRun run = new E2eRun(connect, topics, simulator, db);
            // Unreported: in a fresh JVM the JIT spends seconds of CPU on the connectors', converters' and clients'
            // code.
            log(run.run(E2eVariant.ZSTD.warmUp()));
            List<E2eResult> results = new ArrayList<>();
            for (E2eVariant variant : E2eVariant.MEASURED) {
                results.add(log(run.run(variant)));
            }
            new E2eReport(options.videos(), run.segments(), db.serverVersion(), new E2eConfigs(), report)
                    .print(results);
        }
    }

    private static E2eResult log(E2eResult result) {
        System.err.printf(
                Locale.ROOT,
                "%s: %,d segments in %.1f s, %,d bytes on the broker%n",
                result.variant().label(),
                result.segments(),
                result.seconds(),
                result.logBytes());
        return result;
    }
}
