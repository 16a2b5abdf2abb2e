/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.stores;

import io.vecsync.bench.common.Cost;
import io.vecsync.bench.common.SegmentRow;
import java.util.List;
import java.util.Optional;

/**
 * (b) for a store with no server here: its official Java client upserting one point per request, in a loop as the
 * platform docs' snippets write, into a target it created, after an unmeasured loop into another (the JIT).
 */
final class StoreSinkDirectLoop implements StoreSinkBaseline {

    /** More than the sinks' warm-up: after 500, the gRPC clients' next 2,000 requests ran at under half a 20,000-request loop's rate. */
    static final int WARM_UP_POINTS = 5_000;

    private final StoreSinkTarget store;
    private final String label;
    private final Opener opener;

    /** @param opener creates the run's target with the official client, as the docs' script does, and opens a writer into it */
    StoreSinkDirectLoop(StoreSinkTarget store, String label, Opener opener) {
        this.store = store;
        this.label = label;
        this.opener = opener;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public StoreSinkRun run(List<SegmentRow> warmUp, List<SegmentRow> rows) throws Exception {
        measure("direct-warm-up", warmUp);
        return measure("direct", rows);
    }

    private StoreSinkRun measure(String run, List<SegmentRow> rows) throws Exception {
        PointWriter writer = opener.open(run);
        Cost.Meter meter = Cost.start(store.server());
        for (SegmentRow row : rows) {
            writer.upsert(row);
        }
        Cost cost = meter.stop();
        int count = store.pointCount(run);
        if (count != rows.size()) {
            throw new IllegalStateException(
                    store.name() + " " + run + ": the store holds " + count + " points, expected " + rows.size());
        }
        return new StoreSinkRun(rows.size(), cost, Optional.empty());
    }

    /** Creates a run's target and opens a writer into it. */
    interface Opener {

        PointWriter open(String run) throws Exception;
    }

    /** The official client writing one point per request; the target closes the client. */
    interface PointWriter {

        void upsert(SegmentRow row) throws Exception;
    }
}
