#!/usr/bin/env bash
# Builds the pgvector sink and its benchmark, then runs it; arguments go to PgVectorBenchmark, e.g. --segments 20000.
# The PostgreSQL server: --pg-url URL, else $VECSYNC_PG_URL, else a scratch cluster under target/pg (bin/pg-scratch),
# stopped at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/servers.sh
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
bench_postgres "$@"
bench_docs_python "$@"
# The heap: the segments, their JSON and the converted records of the no-Kafka variants are held at once (~1 GB at
# 50,000 segments). -Xms as -Xmx, as servers run: the System.gc() before each timing otherwise shrinks the heap, and
# G1 then starts each run with a small young generation (GC took 3-7 us of CPU a row that way here, 2-3 with the heap
# fixed).
bench_run "-Xms3g -Xmx3g" io.vecsync.bench.pgvector.PgVectorBenchmark "$@"
