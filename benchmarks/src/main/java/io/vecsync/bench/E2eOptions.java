package io.vecsync.bench;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The end-to-end benchmark's command line.
 *
 * @param pgUrl the server to use; empty: {@code $VECSYNC_PG_URL}, else a scratch cluster under target/pg
 */
record E2eOptions(int videos, Optional<String> pgUrl) {

    static final String USAGE = """
            usage: benchmarks/run-e2e-benchmark.sh [--videos N] [--pg-url URL]
              --videos N    simulator videos of 5 segments each, 1024-d (default 4000: 20,000 segments)
              --pg-url URL  jdbc:postgresql://HOST:PORT/DB?user=... of a server with pgvector (default:
                            $VECSYNC_PG_URL, else a scratch cluster under target/pg started with bin/pg-scratch)""";

    static E2eOptions parse(List<String> args) {
        CommandLine line = new CommandLine(args, Set.of("--videos", "--pg-url"), USAGE);
        return new E2eOptions(line.integer("--videos", 4_000, 1), line.text("--pg-url"));
    }
}
