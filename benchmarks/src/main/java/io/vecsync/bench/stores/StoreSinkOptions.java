/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

import io.vecsync.bench.common.CommandLine;
import io.vecsync.bench.common.DocsLoopScript;
import io.vecsync.bench.pgvector.PgDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The store sink benchmark's command line. A store whose server or baseline is not given is left out, and the report
 * says why.
 *
 * @param pgUrl      the server for the pgvector rows
 * @param docsPython the docs' Python, for the baselines of the stores with a server
 * @param weaviate   a Weaviate server on this machine
 * @param chroma     a Chroma server's base URL
 */
record StoreSinkOptions(
        int segments,
        int baselineSegments,
        Optional<String> pgUrl,
        Optional<Path> docsPython,
        Optional<StoreSinkWeaviate.Address> weaviate,
        Optional<URI> chroma) {

    static final String USAGE = """
            usage: benchmarks/run-store-benchmark.sh [--segments N] [--baseline-segments M] [--pg-url URL]
                   [--weaviate-url URL --weaviate-grpc-port PORT] [--chroma-url URL] [--docs-python PATH]
              --segments N              segments each sink writes through Connect (default 20000)
              --baseline-segments M     segments each baseline writes, the first M of the N: the docs' loops and a
                                        request per point are slow (the docs' Weaviate loop ~1 s a video of 10), so their
                                        rate is what compares (default 2000)
              --pg-url URL              jdbc:postgresql://HOST:PORT/DB?user=... of a server with pgvector, for the
                                        pgvector rows (default: $VECSYNC_PG_URL)
              --weaviate-url URL        http://127.0.0.1:PORT of a Weaviate server on this machine (the docs' loop
                                        connects to localhost), with its --weaviate-grpc-port
              --chroma-url URL          http://HOST:PORT of a Chroma server
              --docs-python PATH        a Python with the docs' clients, for the baselines of the stores with a server
                                        (default: $VECSYNC_DOCS_PYTHON)
            The script provisions and starts every server it can (bin/pg-scratch, bin/weaviate-provision,
            bin/chroma-provision, bin/docs-loops-provision) and passes them; a store without one is left out.""";

    static StoreSinkOptions parse(List<String> args) {
        CommandLine line = new CommandLine(
                args,
                Set.of(
                        "--segments",
                        "--baseline-segments",
                        PgDatabase.URL_OPTION,
                        "--weaviate-url",
                        "--weaviate-grpc-port",
                        "--chroma-url",
                        DocsLoopScript.PYTHON_OPTION),
                USAGE);
        int segments = line.integer("--segments", 20_000, 1);
        Optional<StoreSinkWeaviate.Address> weaviate = line.text("--weaviate-url")
                .map(url -> {
                    int grpcPort = line.integer("--weaviate-grpc-port", 0, 1);
                    if (grpcPort == 0) {
                        throw new IllegalArgumentException("--weaviate-url needs --weaviate-grpc-port\n" + USAGE);
                    }
                    return new StoreSinkWeaviate.Address(URI.create(url), grpcPort);
                });
        return new StoreSinkOptions(
                segments,
                Math.min(segments, line.integer("--baseline-segments", 2_000, 1)),
                line.textOrEnv(PgDatabase.URL_OPTION, PgDatabase.URL_ENV),
                DocsLoopScript.python(line),
                weaviate,
                line.text("--chroma-url").map(URI::create));
    }
}
