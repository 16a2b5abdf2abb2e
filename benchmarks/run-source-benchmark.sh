#!/usr/bin/env bash
# Builds the source connector and its benchmark, then runs it; arguments go to SourceBenchmark, e.g. --videos 400.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
# exec:exec forks a JVM of its own: the heap is set here (the simulator caches ~17 KB a segment) and Maven's classes
# stay out of the measured process.
mvn -B -q -Dstyle.color=never -pl benchmarks exec:exec -Dexec.executable=java \
    -Dexec.args="-Xmx2g -cp %classpath io.vecsync.bench.SourceBenchmark $*"
