#!/usr/bin/env bash
# Builds the store sinks and their benchmark, then runs it; arguments go to StoreSinkBenchmark, e.g. --segments 20000
# --baseline-segments 2000. Weaviate and Chroma are real servers (built or installed into a cache by their provisioning
# scripts), Qdrant and Pinecone test-support's protocol-level fakes in the benchmark's JVM. The pgvector rows need a
# PostgreSQL server: --pg-url URL, else $VECSYNC_PG_URL, else a scratch cluster under target/pg (bin/pg-scratch).
# Where a server or the docs' Python cannot be had, the report says which rows are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
VECSYNC_WEAVIATE_SERVER="$(bash bin/weaviate-provision)"
VECSYNC_CHROMA="$(bash bin/chroma-provision)"
# The docs' own Python loops are the baseline: their clients, pinned, in a cached venv.
VECSYNC_DOCS_PYTHON="$(bash bin/docs-loops-provision)"
export VECSYNC_WEAVIATE_SERVER VECSYNC_CHROMA VECSYNC_DOCS_PYTHON
# exec:exec forks a JVM of its own: the heap is set here (the segments, their JSON and one fake's points at a time:
# ~0.5 GB at 20,000 segments) and Maven's classes stay out of the measured process, whose child processes are then the
# store servers and the docs' loops alone (the report counts their CPU apart).
mvn -B -q -Dstyle.color=never -pl benchmarks exec:exec -Dexec.executable=java \
    -Dexec.args="-Xmx3g -cp %classpath io.vecsync.bench.StoreSinkBenchmark $*"
