package io.vecsync.bench;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pgvector benchmark's command line.
 *
 * @param pgUrl the server to use; empty: {@code $VECSYNC_PG_URL}, else a scratch cluster under target/pg
 */
record PgBenchOptions(int segments, int indexedSegments, Optional<String> pgUrl) {

    static final String USAGE = """
            usage: benchmarks/run-pgvector-benchmark.sh [--segments N] [--indexed-segments M] [--pg-url URL]
              --segments N          segments every variant writes but (c-index) (default 50000)
              --indexed-segments M  segments (c-index) writes with the HNSW index present, the first M of the N: HNSW
                                    inserts run at ~100 rows/s here, so its rate is what compares (default 5000)
              --pg-url URL          jdbc:postgresql://HOST:PORT/DB?user=... of a server with pgvector (default:
                                    $VECSYNC_PG_URL, else a scratch cluster under target/pg started with bin/pg-scratch)""";

    static PgBenchOptions parse(List<String> args) {
        CommandLine line = new CommandLine(args, Set.of("--segments", "--indexed-segments", "--pg-url"), USAGE);
        int segments = line.integer("--segments", 50_000, 1);
        return new PgBenchOptions(segments, Math.min(segments, line.integer("--indexed-segments", 5_000, 1)), line.text("--pg-url"));
    }
}
