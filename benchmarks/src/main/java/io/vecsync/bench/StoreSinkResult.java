package io.vecsync.bench;

/**
 * One store's two measured writes.
 *
 * @param sink   (a) its sink through Connect, all N segments
 * @param direct (b) its official client, one point per request, the first M segments
 */
record StoreSinkResult(String store, StoreSinkRun sink, StoreSinkRun direct) {

    double ratio() {
        return sink.pointsPerSecond() / direct.pointsPerSecond();
    }
}
