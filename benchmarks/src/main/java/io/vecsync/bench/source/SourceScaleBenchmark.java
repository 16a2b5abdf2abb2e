/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import io.vecsync.bench.common.BenchTopics;
import io.vecsync.bench.common.BenchmarkMain;
import io.vecsync.embedded.EmbeddedConnect;
import io.vecsync.embedded.EmbeddedKafka;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Measures how the source connector's sync rate, offsets, idle polls, memory and restarts scale with the catalogue. */
public final class SourceScaleBenchmark {

    private SourceScaleBenchmark() {}

    public static void main(String[] args) {
        BenchmarkMain.run(args, SourceScaleOptions::parse, SourceScaleBenchmark::run);
    }

    static void run(SourceScaleOptions options, PrintStream report) throws Exception {
        List<SourceScaleResult> results = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Map.of());
                EmbeddedConnect connect = EmbeddedConnect.start(
                        kafka, Map.of("offset.flush.interval.ms", Integer.toString(options.offsetFlushMs())));
                BenchTopics topics = new BenchTopics(kafka)) {
            SourceScaleRun run = new SourceScaleRun(connect, topics);
            for (int videos : options.videos()) {
                results.add(run.run(videos));
                // Each size's figures as soon as they are known: a larger size may not finish.
                System.err.println(SourceScaleReport.row(results.get(results.size() - 1)));
            }
        } finally {
            new SourceScaleReport(report).print(results);
        }
    }
}
