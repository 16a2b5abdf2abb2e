/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vecsync.bench.common.BenchmarkReports;
import io.vecsync.bench.common.TestServers;
import io.vecsync.chroma.ChromaServer;
import io.vecsync.weaviate.WeaviateServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The store benchmark end to end on a few hundred segments — a real Connect worker, the fakes, and the real Weaviate,
 * Chroma and PostgreSQL servers (started here as the stores' suites start them) with the docs' Python loops wherever
 * they are here — so that the command keeps running
 * and keeps reporting every store's rates, ratio and target. Each run checks its target holds exactly the points it
 * wrote. Its timings prove nothing at this size and are not asserted.
 */
@Tag("slow")
class StoreSinkBenchmarkIT {

    @Test
    void reportsEveryStoresRatesAndRatio() throws Exception {
        // 300 segments through each sink, the first 100 (ten videos) through each baseline.
        Optional<Path> docsPython = TestServers.docsPython();
        Optional<StoreSinkWeaviate.Address> weaviate =
                WeaviateServer.available() ? Optional.of(weaviate(WeaviateServer.get())) : Optional.empty();
        Optional<URI> chroma = ChromaServer.available()
                ? Optional.of(URI.create(ChromaServer.get().url()))
                : Optional.empty();
        String text = BenchmarkReports.of(
                StoreSinkBenchmark::run,
                new StoreSinkOptions(300, 100, Optional.of(TestServers.pgUrl()), docsPython, weaviate, chroma));
        for (String fake : List.of("Qdrant", "Pinecone")) {
            assertRow(text, fake, "none: a fake");
        }
        boolean python = docsPython.isPresent();
        Map<String, Boolean> serverHere = new LinkedHashMap<>();
        serverHere.put("Weaviate", WeaviateServer.available());
        serverHere.put("Chroma", ChromaServer.available());
        serverHere.put("pgvector", true);
        serverHere.forEach((store, here) -> {
            if (python && here) {
                assertRow(text, store, ">= 10x (?:met|MISSED)");
            } else {
                assertTrue(
                        text.contains("LEFT OUT: " + store + ": "),
                        "no line on why " + store + " is left out in:\n" + text);
            }
        });
        assumeTrue(
                python && !serverHere.containsValue(false),
                "the docs' Python or a server is not here: the rows of the stores without them were left out, as the report says");
    }

    private static StoreSinkWeaviate.Address weaviate(WeaviateServer server) {
        return new StoreSinkWeaviate.Address(
                URI.create("http://" + WeaviateServer.HOST + ":" + server.httpPort()), server.grpcPort());
    }

    /** The store's row: every point written by (a) and (b), positive rates, a ratio and the target's verdict. */
    private static void assertRow(String report, String store, String target) {
        String rate = "\\s+[\\d.]+\\s+[1-9][\\d,]*";
        boolean found = Pattern.compile(
                        "(?m)^" + store + "\\s+300" + rate + "\\s+100" + rate + "\\s+[\\d.]+x\\s+" + target + "$")
                .matcher(report)
                .find();
        assertTrue(
                found,
                "no row of 300 and 100 points with rates, ratio and '" + target + "' for " + store + " in:\n" + report);
    }
}
