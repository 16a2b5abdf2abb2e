/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.e2e;

import io.vecsync.bench.common.CommandLine;
import io.vecsync.bench.pgvector.PgDatabase;
import java.util.List;
import java.util.Set;

/**
 * The end-to-end benchmark's command line.
 *
 * @param pgUrl the server to use
 */
record E2eOptions(int videos, String pgUrl) {

    static final String USAGE = """
            usage: benchmarks/run-e2e-benchmark.sh [--videos N] [--pg-url URL]
              --videos N    simulator videos of 5 segments each, 1024-d (default 4000: 20,000 segments)
              --pg-url URL  jdbc:postgresql://HOST:PORT/DB?user=... of a server with pgvector (default: $VECSYNC_PG_URL;
                            the script starts a scratch cluster with bin/pg-scratch without either)""";

    static E2eOptions parse(List<String> args) {
        CommandLine line = new CommandLine(args, Set.of("--videos", PgDatabase.URL_OPTION), USAGE);
        return new E2eOptions(
                line.integer("--videos", 4_000, 1), line.required(PgDatabase.URL_OPTION, PgDatabase.URL_ENV));
    }
}
