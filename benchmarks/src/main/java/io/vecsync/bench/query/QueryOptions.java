/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.query;

import io.vecsync.bench.common.CommandLine;
import io.vecsync.bench.pgvector.PgDatabase;
import java.util.List;
import java.util.Set;

/**
 * The query benchmark's command line.
 *
 * @param pgUrl the server to use
 */
record QueryOptions(int segments, int queries, String pgUrl) {

    static final String USAGE = """
            usage: benchmarks/run-query-benchmark.sh [--segments N] [--queries Q] [--pg-url URL]
              --segments N  segments the simulator generates, N/10 videos of 8 to 12 (default 100000)
              --queries Q   requests of each latency run (default 1000)
              --pg-url URL  jdbc:postgresql://HOST:PORT/DB?user=... of a server with pgvector (default: $VECSYNC_PG_URL;
                            the script starts a scratch cluster with bin/pg-scratch without either)""";

    static QueryOptions parse(List<String> args) {
        CommandLine line = new CommandLine(args, Set.of("--segments", "--queries", PgDatabase.URL_OPTION), USAGE);
        return new QueryOptions(
                line.integer("--segments", 100_000, 10),
                line.integer("--queries", 1_000, 1),
                line.required(PgDatabase.URL_OPTION, PgDatabase.URL_ENV));
    }
}
