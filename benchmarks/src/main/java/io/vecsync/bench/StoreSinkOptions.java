package io.vecsync.bench;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The store sink benchmark's command line.
 *
 * @param pgUrl the server for the pgvector sink's rate; empty: {@code $VECSYNC_PG_URL}, else a scratch cluster under target/pg
 */
record StoreSinkOptions(int segments, int directSegments, Optional<String> pgUrl) {

    static final String USAGE = """
            usage: benchmarks/run-store-benchmark.sh [--segments N] [--direct-segments M] [--pg-url URL]
              --segments N         segments each sink writes through Connect (default 20000)
              --direct-segments M  segments the official client writes one upsert per request, the first M of the N: a
                                   request per point is slow, so its rate is what compares (default 2000)
              --pg-url URL         jdbc:postgresql://HOST:PORT/DB?user=... of a server with pgvector, for the pgvector
                                   sink's rate on the same topic (default: $VECSYNC_PG_URL, else a scratch cluster under
                                   target/pg started with bin/pg-scratch)""";

    static StoreSinkOptions parse(List<String> args) {
        CommandLine line = new CommandLine(args, Set.of("--segments", "--direct-segments", "--pg-url"), USAGE);
        int segments = line.integer("--segments", 20_000, 1);
        return new StoreSinkOptions(segments, Math.min(segments, line.integer("--direct-segments", 2_000, 1)), line.text("--pg-url"));
    }
}
