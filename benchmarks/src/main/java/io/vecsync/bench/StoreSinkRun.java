package io.vecsync.bench;

import java.util.Optional;

/**
 * What one measured write into a store did.
 *
 * @param points written; the target held exactly these afterwards
 * @param cost   wall time and CPU; the fakes serve from this JVM, so its CPU is the client's, the fake's and (through
 *               Connect) the broker's and the worker's, and no server process is counted apart
 * @param sink   what the sink did, for the runs through Connect
 */
record StoreSinkRun(int points, Cost cost, Optional<SinkStats> sink) {

    double pointsPerSecond() {
        return points / cost.seconds();
    }

    /** This JVM's CPU microseconds per point. */
    double jvmMicrosPerPoint() {
        return cost.jvm().process() * 1e6 / points;
    }

    /** Starts timing a stretch; {@link Meter#stop()} ends it. */
    static Meter start() {
        // As Cost.start does: the garbage of what ran before is collected now, not on this stretch's time.
        System.gc();
        return new Meter(CpuClock.read(), MachineCpu.busySeconds());
    }

    /** A stretch being timed. */
    record Meter(CpuClock jvmAtStart, double machineAtStart) {

        Cost stop() {
            return new Cost(CpuClock.read().since(jvmAtStart), 0, MachineCpu.busySeconds() - machineAtStart);
        }
    }
}
