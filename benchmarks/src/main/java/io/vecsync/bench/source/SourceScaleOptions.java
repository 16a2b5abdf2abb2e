/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import io.vecsync.bench.common.CommandLine;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The source scale benchmark's command line: the catalogue sizes to run, smallest first, and the worker's offset flush interval. */
record SourceScaleOptions(List<Integer> videos, int offsetFlushMs) {

    static final String USAGE = """
            usage: benchmarks/run-source-scale-benchmark.sh [--videos N,N,...] [--offset-flush-ms MS]
              --videos N,N,...      catalogue sizes, each run on a fresh simulator of 1 to 2 segments a video (default 10000,100000,1000000)
              --offset-flush-ms MS  the worker's offset.flush.interval.ms (default 60000, Connect's own): offsets-topic writes scale with its inverse""";

    static SourceScaleOptions parse(List<String> args) {
        CommandLine line = new CommandLine(args, Set.of("--videos", "--offset-flush-ms"), USAGE);
        int offsetFlushMs = line.integer("--offset-flush-ms", 60_000, 100);
        String sizes = line.text("--videos").orElse("10000,100000,1000000");
        try {
            List<Integer> videos = Arrays.stream(sizes.split(","))
                    .map(String::trim)
                    .map(Integer::parseInt)
                    .sorted()
                    .toList();
            if (videos.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("--videos must be positive, got " + sizes + "\n" + USAGE);
            }
            return new SourceScaleOptions(videos, offsetFlushMs);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--videos must be whole numbers separated by commas, got " + sizes + "\n" + USAGE, e);
        }
    }
}
