package io.vecsync.bench;

import java.util.List;
import java.util.Optional;

/** (b) The docs-style loop: the store's official client upserting one point per request, into a target it created. */
final class StoreSinkDirectLoop {

    private StoreSinkDirectLoop() {
    }

    static StoreSinkRun run(StoreSinkTarget store, String run, List<SegmentRow> rows) throws Exception {
        StoreSinkTarget.PointWriter writer = store.openDirect(run);
        StoreSinkRun.Meter meter = StoreSinkRun.start();
        for (SegmentRow row : rows) {
            writer.upsert(row);
        }
        Cost cost = meter.stop();
        int count = store.pointCount(run);
        if (count != rows.size()) {
            throw new IllegalStateException(store.name() + " " + run + ": the store holds " + count + " points, expected " + rows.size());
        }
        return new StoreSinkRun(rows.size(), cost, Optional.empty());
    }
}
