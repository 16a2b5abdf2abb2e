#!/usr/bin/env bash
# Builds the connectors and the benchmark, then runs the end-to-end benchmark: the shipped source and pgvector sink
# configs in one Connect worker; arguments go to E2eBenchmark, e.g. --videos 4000.
# The PostgreSQL server: --pg-url URL, else $VECSYNC_PG_URL, else a scratch cluster under target/pg (bin/pg-scratch).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
# exec:exec forks a JVM of its own: the heap is set here (the simulator holds its 1024-d segments, ~100 MB at 20,000)
# and Maven's classes stay out of the measured process.
mvn -B -q -Dstyle.color=never -pl benchmarks exec:exec -Dexec.executable=java \
    -Dexec.args="-Xmx3g -cp %classpath io.vecsync.bench.E2eBenchmark $*"
