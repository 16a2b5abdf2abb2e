#!/usr/bin/env bash
# Builds the query service and its benchmark, then runs it; arguments go to QueryBenchmark, e.g. --segments 100000.
# The PostgreSQL server: --pg-url URL, else $VECSYNC_PG_URL, else a scratch cluster under target/pg (bin/pg-scratch).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
# exec:exec forks a JVM of its own: the heap is set here (the simulator keeps every segment's vector and its rendered
# JSON, ~17 KB a segment: ~2 GB at 100,000 segments) and Maven's classes stay out of the measured process.
mvn -B -q -Dstyle.color=never -pl benchmarks exec:exec -Dexec.executable=java \
    -Dexec.args="-Xmx6g -cp %classpath io.vecsync.bench.QueryBenchmark $*"
