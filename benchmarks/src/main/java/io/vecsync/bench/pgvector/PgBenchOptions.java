/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.pgvector;

import io.vecsync.bench.common.CommandLine;
import io.vecsync.bench.common.DocsLoopScript;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pgvector benchmark's command line.
 *
 * @param pgUrl      the server to use
 * @param docsPython the docs' Python for (a); empty: (a) is left out
 */
record PgBenchOptions(int segments, int indexedSegments, String pgUrl, Optional<Path> docsPython) {

    static final String USAGE = """
            usage: benchmarks/run-pgvector-benchmark.sh [--segments N] [--indexed-segments M] [--pg-url URL] [--docs-python PATH]
              --segments N          segments every variant writes but (c-index) (default 50000)
              --indexed-segments M  segments (c-index) writes with the HNSW index present, the first M of the N: HNSW
                                    inserts run at ~100 rows/s here, so its rate is what compares (default 5000)
              --pg-url URL          jdbc:postgresql://HOST:PORT/DB?user=... of a server with pgvector (default:
                                    $VECSYNC_PG_URL; the script starts a scratch cluster with bin/pg-scratch without either)
              --docs-python PATH    a Python with the docs' clients, for (a) (default: $VECSYNC_DOCS_PYTHON, which the
                                    script sets from bin/docs-loops-provision); without one (a) is left out""";

    static PgBenchOptions parse(List<String> args) {
        CommandLine line = new CommandLine(
                args,
                Set.of("--segments", "--indexed-segments", PgDatabase.URL_OPTION, DocsLoopScript.PYTHON_OPTION),
                USAGE);
        int segments = line.integer("--segments", 50_000, 1);
        return new PgBenchOptions(
                segments,
                Math.min(segments, line.integer("--indexed-segments", 5_000, 1)),
                line.required(PgDatabase.URL_OPTION, PgDatabase.URL_ENV),
                DocsLoopScript.python(line));
    }
}
