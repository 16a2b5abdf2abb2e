package io.vecsync.bench;

/**
 * What a stretch of a run cost.
 *
 * @param jvm     wall time and this JVM's CPU: the benchmark, and for the Connect variants the broker and the worker
 * @param server  CPU seconds of the PostgreSQL server's processes; NaN when it runs on another machine
 * @param machine CPU seconds the whole machine was busy
 */
record Cost(CpuUse jvm, double server, double machine) {

    double seconds() {
        return jvm.wall();
    }

    /** Cores that other processes (not this JVM, not the PostgreSQL server) kept busy: contention for the run. */
    double othersCores() {
        return (machine - jvm.process() - server) / jvm.wall();
    }

    /** Starts measuring now; {@link Meter#stop()} ends the stretch. */
    static Meter start(PgDatabase db) {
        // Collects the garbage of what ran before (and promotes data built just before), and writes out the server's
        // dirty buffers, which would otherwise be done on this stretch's time.
        System.gc();
        db.checkpoint();
        return new Meter(db, CpuClock.read(), db.serverCpuSeconds(), MachineCpu.busySeconds());
    }

    /** A stretch being measured. */
    record Meter(PgDatabase db, CpuClock jvmAtStart, double serverAtStart, double machineAtStart) {

        Cost stop() {
            return new Cost(CpuClock.read().since(jvmAtStart), db.serverCpuSeconds() - serverAtStart,
                    MachineCpu.busySeconds() - machineAtStart);
        }
    }
}
