#!/usr/bin/env bash
# Builds the source connector and its benchmark, then runs the scale benchmark; arguments go to SourceScaleBenchmark,
# e.g. --videos 10000,100000,1000000.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
# exec:exec forks a JVM of its own: the heap is set here (a million-video simulator holds ~300 MB) and Maven's classes
# stay out of the measured process.
mvn -B -q -Dstyle.color=never -pl benchmarks exec:exec -Dexec.executable=java \
    -Dexec.args="-Xmx4g -cp %classpath io.vecsync.bench.SourceScaleBenchmark $*"
