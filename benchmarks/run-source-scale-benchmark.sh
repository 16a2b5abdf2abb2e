#!/usr/bin/env bash
# Builds the source connector and its benchmark, then runs the scale benchmark; arguments go to SourceScaleBenchmark,
# e.g. --videos 10000,100000,1000000. Each size: the initial sync with 2 tasks, a quiet 10 s after an offset commit,
# a restart (a full reconciliation, its slowest poll), then the connector stopped and started with 8 tasks, quiet again.
# About 3 minutes at 10k, 4 at 100k and 10 at 1M on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/servers.sh
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
# The heap: a million-video simulator holds ~300 MB.
bench_run -Xmx4g io.vecsync.bench.source.SourceScaleBenchmark "$@"
