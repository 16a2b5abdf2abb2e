/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.ServerProcessCpu;
import io.vecsync.chroma.ChromaSinkConfig;
import io.vecsync.chroma.ChromaSinkConnector;
import io.vecsync.chroma.ChromaTestCollections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Chroma server, for the sink; the platform docs' Python loop writes as the docs do, with
 * {@code chromadb.PersistentClient}: an embedded store in its own process, on a scratch directory, not the server.
 */
final class StoreSinkChroma implements StoreSinkTarget {

    /** Every collection this benchmark makes is named so, and dropped at the end. */
    private static final String PREFIX = "bench-";

    private final URI url;
    /** The sink's default tenant and database. */
    private final ChromaTestCollections collections;

    private final Cost.Server server;
    private final Path python;
    private final Path docsStore;

    /** @param python the docs' Python, for (b) */
    StoreSinkChroma(URI url, Path python) {
        this.url = url;
        this.collections = new ChromaTestCollections(url.toString().replaceAll("/$", ""));
        this.server = ServerProcessCpu.listeningOn(url.getPort());
        this.python = python;
        try {
            this.docsStore = Files.createTempDirectory("store-bench-chroma");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "Chroma";
    }

    @Override
    public String served() {
        // Not /api/v2/version: Chroma 1.5.9's server answers "1.0.0" there.
        return "a real Chroma server on this machine (chroma run of the chromadb bin/chroma-provision installs)";
    }

    @Override
    public boolean realServer() {
        return true;
    }

    @Override
    public Cost.Server server() {
        return server;
    }

    @Override
    public Map<String, String> sinkConfig(String run) {
        return Map.of(
                "connector.class",
                ChromaSinkConnector.class.getName(),
                ChromaSinkConfig.URL,
                url.toString(),
                ChromaSinkConfig.COLLECTION,
                PREFIX + run);
    }

    /** Chroma's own count, 0 until the sink has created the collection. */
    @Override
    public int pointCount(String run) {
        return collections.count(PREFIX + run);
    }

    @Override
    public StoreSinkBaseline baseline() {
        return new StoreSinkDocsLoop(
                python,
                server,
                "chroma",
                List.of("--chroma-path", docsStore.toString(), "--name", PREFIX + "docs-loop"),
                "the docs' Python loop (chromadb.PersistentClient, embedded in the loop's process as the docs have it, not the"
                        + " server): a collection.upsert a video, hnsw:space cosine");
    }

    /** Drops the sink's collections, so that the next store's runs share the machine with none of their indexes, and the docs' store. */
    @Override
    public void close() {
        collections.names().stream().filter(name -> name.startsWith(PREFIX)).forEach(collections::drop);
        try (Stream<Path> files = Files.walk(docsStore)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
