/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.source;

import io.vecsync.bench.common.CommandLine;
import java.util.List;
import java.util.Set;

/** The benchmark's command line. */
record SourceOptions(int videos, int rounds) {

    static final String USAGE = """
            usage: benchmarks/run-source-benchmark.sh [--videos N] [--rounds R]
              --videos N   videos the simulator generates, 10 to 15 segments each (default 1600, about 20,000 segments)
              --rounds R   times each variant runs; the report shows the median round (default 3)""";

    static SourceOptions parse(List<String> args) {
        CommandLine line = new CommandLine(args, Set.of("--videos", "--rounds"), USAGE);
        return new SourceOptions(line.integer("--videos", 1600, 1), line.integer("--rounds", 3, 1));
    }
}
