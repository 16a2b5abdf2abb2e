#!/usr/bin/env bash
# Builds the connectors and the benchmark, then runs the end-to-end benchmark: the shipped source and pgvector sink
# configs in one Connect worker; arguments go to E2eBenchmark, e.g. --videos 4000.
# The PostgreSQL server: --pg-url URL, else $VECSYNC_PG_URL, else a scratch cluster under target/pg (bin/pg-scratch),
# stopped at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/servers.sh
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
bench_postgres "$@"
# The heap: the simulator holds its 1024-d segments (~100 MB at 20,000).
bench_run -Xmx3g io.vecsync.bench.e2e.E2eBenchmark "$@"
