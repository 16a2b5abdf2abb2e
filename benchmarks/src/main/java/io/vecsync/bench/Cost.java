package io.vecsync.bench;

import java.util.function.DoubleSupplier;

/**
 * What a stretch of a run cost.
 *
 * @param jvm      wall time and this JVM's CPU: the benchmark, and for the Connect variants the broker and the worker
 * @param server   CPU seconds of the PostgreSQL server's processes; NaN when it runs on another machine, 0 for a stretch
 *                 without one
 * @param children CPU seconds of this JVM's child processes: the Weaviate and Chroma servers it started, the docs' Python
 * @param machine  CPU seconds the whole machine was busy
 */
record Cost(CpuUse jvm, double server, double children, double machine) {

    double seconds() {
        return jvm.wall();
    }

    /** CPU seconds outside this JVM that the stretch drove: the store's server and the docs' Python. */
    double outside() {
        return (Double.isNaN(server) ? 0 : server) + children;
    }

    /** Cores that other processes (not this JVM, its children or the PostgreSQL server) kept busy: contention for the run. */
    double othersCores() {
        return (machine - jvm.process() - server - children) / jvm.wall();
    }

    /** Starts measuring now; {@link Meter#stop()} ends the stretch. */
    static Meter start(PgDatabase db) {
        // Collects the garbage of what ran before (and promotes data built just before), and writes out the server's
        // dirty buffers, which would otherwise be done on this stretch's time.
        System.gc();
        db.checkpoint();
        return Meter.start(db::serverCpuSeconds);
    }

    /** Starts measuring a stretch that writes to no PostgreSQL server. */
    static Meter start() {
        System.gc();
        return Meter.start(() -> 0);
    }

    /** A stretch being measured. */
    record Meter(DoubleSupplier serverCpu, CpuClock jvmAtStart, double serverAtStart, double childrenAtStart, double machineAtStart) {

        private static Meter start(DoubleSupplier serverCpu) {
            return new Meter(serverCpu, CpuClock.read(), serverCpu.getAsDouble(), ChildProcessesCpu.seconds(), MachineCpu.busySeconds());
        }

        Cost stop() {
            return new Cost(CpuClock.read().since(jvmAtStart), serverCpu.getAsDouble() - serverAtStart,
                    ChildProcessesCpu.seconds() - childrenAtStart, MachineCpu.busySeconds() - machineAtStart);
        }
    }
}
