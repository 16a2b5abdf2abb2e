#!/usr/bin/env bash
# Builds the source connector and its benchmark, then runs the scale benchmark; arguments go to SourceScaleBenchmark,
# e.g. --videos 10000,100000,1000000.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/servers.sh
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
# The heap: a million-video simulator holds ~300 MB.
bench_run -Xmx4g io.vecsync.bench.source.SourceScaleBenchmark "$@"
