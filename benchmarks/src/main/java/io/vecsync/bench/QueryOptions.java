package io.vecsync.bench;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The query benchmark's command line.
 *
 * @param pgUrl the server to use; empty: {@code $VECSYNC_PG_URL}, else a scratch cluster under target/pg
 */
record QueryOptions(int segments, int queries, Optional<String> pgUrl) {

    static final String USAGE = """
            usage: benchmarks/run-query-benchmark.sh [--segments N] [--queries Q] [--pg-url URL]
              --segments N  segments the simulator generates, N/10 videos of 8 to 12 (default 100000)
              --queries Q   requests of each latency run (default 1000)
              --pg-url URL  jdbc:postgresql://HOST:PORT/DB?user=... of a server with pgvector (default: $VECSYNC_PG_URL,
                            else a scratch cluster under target/pg started with bin/pg-scratch)""";

    static QueryOptions parse(List<String> args) {
        CommandLine line = new CommandLine(args, Set.of("--segments", "--queries", "--pg-url"), USAGE);
        return new QueryOptions(line.integer("--segments", 100_000, 10), line.integer("--queries", 1_000, 1), line.text("--pg-url"));
    }
}
