package io.vecsync.bench;

/** Wall-clock seconds since it was started. */
final class Stopwatch {

    private final long startNanos = System.nanoTime();

    static Stopwatch start() {
        return new Stopwatch();
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
