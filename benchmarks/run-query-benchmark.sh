#!/usr/bin/env bash
# Builds the query service and its benchmark, then runs it; arguments go to QueryBenchmark, e.g. --segments 100000.
# The PostgreSQL server: --pg-url URL, else $VECSYNC_PG_URL, else a scratch cluster under target/pg (bin/pg-scratch),
# stopped at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/servers.sh
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
bench_postgres "$@"
# The heap: the simulator keeps every segment's vector and its rendered JSON (~17 KB a segment: ~2 GB at 100,000).
bench_run -Xmx6g io.vecsync.bench.query.QueryBenchmark "$@"
