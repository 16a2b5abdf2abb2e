package io.vecsync.bench;

/**
 * CPU seconds of this JVM's child processes, from /proc: the store servers it started (Weaviate, Chroma) and the
 * docs' Python loops, those that have ended too, through the JVM's cutime/cstime (its process reaper waits for them).
 * 0 where /proc does not exist.
 */
final class ChildProcessesCpu {

    private ChildProcessesCpu() {
    }

    static double seconds() {
        ProcessHandle jvm = ProcessHandle.current();
        long ticks = ProcStat.of(jvm.pid()).map(ProcStat::endedChildrenTicks).orElse(0L);
        ticks += jvm.descendants()
                .mapToLong(child -> ProcStat.of(child.pid()).map(stat -> stat.ticks() + stat.endedChildrenTicks()).orElse(0L))
                .sum();
        return ticks / ProcStat.TICKS_PER_SECOND;
    }
}
