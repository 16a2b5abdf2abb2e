#!/usr/bin/env bash
# Builds the store sinks and their benchmark, then runs it; arguments go to StoreSinkBenchmark, e.g. --segments 20000
# --baseline-segments 2000. It starts a real Weaviate and a real Chroma (built or installed into a cache by their
# provisioning scripts) and, without --pg-url or $VECSYNC_PG_URL, a scratch PostgreSQL (bin/pg-scratch), and stops
# them at exit; Qdrant and Pinecone are the stores' protocol-level fakes in the benchmark's JVM. Where a server or the
# docs' Python cannot be had, the report says which rows are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/servers.sh
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
bench_postgres "$@"
bench_weaviate "$@"
bench_chroma "$@"
bench_docs_python "$@"
# The heap: the segments, their JSON and one fake's points at a time (~0.5 GB at 20,000 segments). The store servers'
# CPU is read from /proc and reported apart from the benchmark's.
bench_run -Xmx3g io.vecsync.bench.stores.StoreSinkBenchmark "$@"
