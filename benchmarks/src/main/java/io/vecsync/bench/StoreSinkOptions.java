package io.vecsync.bench;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The store sink benchmark's command line.
 *
 * @param pgUrl the server for the pgvector rows; empty: {@code $VECSYNC_PG_URL}, else a scratch cluster under target/pg
 */
record StoreSinkOptions(int segments, int baselineSegments, Optional<String> pgUrl) {

    static final String USAGE = """
            usage: benchmarks/run-store-benchmark.sh [--segments N] [--baseline-segments M] [--pg-url URL]
              --segments N           segments each sink writes through Connect (default 20000)
              --baseline-segments M  segments each baseline writes, the first M of the N: the docs' loops and a request
                                     per point are slow (the docs' Weaviate loop ~1 s a video of 10), so their rate is
                                     what compares (default 2000)
              --pg-url URL           jdbc:postgresql://HOST:PORT/DB?user=... of a server with pgvector, for the pgvector
                                     rows (default: $VECSYNC_PG_URL, else a scratch cluster under target/pg started with
                                     bin/pg-scratch)""";

    static StoreSinkOptions parse(List<String> args) {
        CommandLine line = new CommandLine(args, Set.of("--segments", "--baseline-segments", "--pg-url"), USAGE);
        int segments = line.integer("--segments", 20_000, 1);
        return new StoreSinkOptions(segments, Math.min(segments, line.integer("--baseline-segments", 2_000, 1)), line.text("--pg-url"));
    }
}
