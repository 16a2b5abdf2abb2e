#!/usr/bin/env bash
# Builds the pgvector sink and its benchmark, then runs it; arguments go to PgVectorBenchmark, e.g. --segments 20000.
# The PostgreSQL server: --pg-url URL, else $VECSYNC_PG_URL, else a scratch cluster under target/pg (bin/pg-scratch).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
# The docs' own Python loops are the baseline: their clients, pinned, in a cached venv.
VECSYNC_DOCS_PYTHON="$(bash bin/docs-loops-provision)"
export VECSYNC_DOCS_PYTHON
# exec:exec forks a JVM of its own: the heap is set here (the segments, their JSON and the converted records of the
# no-Kafka variants are held at once: ~1 GB at 50,000 segments) and Maven's classes stay out of the measured process.
# -Xms as -Xmx, as servers run: the System.gc() before each timing otherwise shrinks the heap, and G1 then starts
# each run with a small young generation (GC took 3-7 us of CPU a row that way here, 2-3 with the heap fixed).
mvn -B -q -Dstyle.color=never -pl benchmarks exec:exec -Dexec.executable=java \
    -Dexec.args="-Xms3g -Xmx3g -cp %classpath io.vecsync.bench.PgVectorBenchmark $*"
