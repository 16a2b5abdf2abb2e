/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.DocsLoopScript;
import io.vecsync.bench.common.SegmentRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * (b) for a store with a real server here: the platform docs' own Python loop ({@link DocsLoopScript}), set up
 * untimed, then timed from "go" until it reports (its count of the target checked), as the pgvector benchmark's is.
 */
final class StoreSinkDocsLoop implements StoreSinkBaseline {

    private final Path python;
    private final Cost.Server server;
    private final String store;
    private final List<String> target;
    private final String label;

    /**
     * @param server the store's server, whose CPU is counted apart
     * @param store  the script's --store
     * @param target the script's arguments naming the target, e.g. --weaviate-port P --name C
     */
    StoreSinkDocsLoop(Path python, Cost.Server server, String store, List<String> target, String label) {
        this.python = python;
        this.server = server;
        this.store = store;
        this.target = target;
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** No warm-up: CPython compiles nothing as it runs, and a server has taken the sink's runs first. */
    @Override
    public StoreSinkRun run(List<SegmentRow> warmUp, List<SegmentRow> rows) throws Exception {
        try (DocsLoopScript loop = DocsLoopScript.prepare(python, store, rows, target)) {
            Cost.Meter meter = Cost.start(server);
            loop.run();
            return new StoreSinkRun(rows.size(), meter.stop(), Optional.empty());
        }
    }
}
