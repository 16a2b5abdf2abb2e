#!/usr/bin/env bash
# Builds the source connector and its benchmark, then runs it; arguments go to SourceBenchmark, e.g. --videos 400.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/servers.sh
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
# The heap: the simulator caches ~17 KB a segment.
bench_run -Xmx2g io.vecsync.bench.source.SourceBenchmark "$@"
