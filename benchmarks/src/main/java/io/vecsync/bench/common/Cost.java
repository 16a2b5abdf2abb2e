/*
 * Copyright 2026 The vecsync Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.vecsync.bench.common;

import java.util.function.DoubleSupplier;

/**
 * What a stretch of a run cost.
 *
 * @param jvm      wall time and this JVM's CPU: the benchmark, and for the Connect variants the broker and the worker
 * @param server   CPU seconds of the store's server processes (PostgreSQL, Weaviate, Chroma) when they are not this
 *                 JVM's children; NaN when the server runs on another machine, 0 for a stretch without one
 * @param children CPU seconds of this JVM's child processes: the docs' Python, and the store servers a test started
 * @param machine  CPU seconds the whole machine was busy
 */
public record Cost(CpuUse jvm, double server, double children, double machine) {

    /** A store's server, whose CPU a stretch counts apart from this JVM's. */
    public interface Server {

        /** CPU seconds the server has used so far; NaN when it runs on another machine. */
        double cpuSeconds();

        /** Done before each stretch starts, e.g. writing out what the last stretch left for the server to do. */
        default void settle() {}
    }

    /** No server: a stretch that writes to the fakes in this JVM alone. */
    public static final Server NO_SERVER = () -> 0;

    public double seconds() {
        return jvm.wall();
    }

    /** CPU seconds outside this JVM that the stretch drove: the store's server and the docs' Python. */
    public double outside() {
        return (Double.isNaN(server) ? 0 : server) + children;
    }

    /** Cores that other processes (not this JVM, its children or the store's server) kept busy: contention for the run. */
    public double othersCores() {
        return (machine - jvm.process() - server - children) / jvm.wall();
    }

    /** Starts measuring now; {@link Meter#stop()} ends the stretch. */
    public static Meter start(Server server) {
        // Collects the garbage of what ran before (and promotes data built just before); the server settles what
        // would otherwise be done on this stretch's time.
        System.gc();
        server.settle();
        return Meter.start(server::cpuSeconds);
    }

    /** A stretch being measured. */
    public record Meter(
            DoubleSupplier serverCpu,
            CpuClock jvmAtStart,
            double serverAtStart,
            double childrenAtStart,
            double machineAtStart) {

        private static Meter start(DoubleSupplier serverCpu) {
            return new Meter(
                    serverCpu,
                    CpuClock.read(),
                    serverCpu.getAsDouble(),
                    ChildProcessesCpu.seconds(),
                    MachineCpu.busySeconds());
        }

        public Cost stop() {
            return new Cost(
                    CpuClock.read().since(jvmAtStart),
                    serverCpu.getAsDouble() - serverAtStart,
                    ChildProcessesCpu.seconds() - childrenAtStart,
                    MachineCpu.busySeconds() - machineAtStart);
        }
    }
}
