#!/usr/bin/env bash
# Builds the store sinks and their benchmark, then runs it; arguments go to StoreSinkBenchmark, e.g. --segments 20000.
# Qdrant, Pinecone and Weaviate are test-support's protocol-level fakes, in the benchmark's JVM. The pgvector sink's rate
# on the same topic needs a PostgreSQL server: --pg-url URL, else $VECSYNC_PG_URL, else a scratch cluster under target/pg
# (bin/pg-scratch).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
# The docs' own Python loops are the baseline: their clients, pinned, in a cached venv.
VECSYNC_DOCS_PYTHON="$(bash bin/docs-loops-provision)"
export VECSYNC_DOCS_PYTHON
# exec:exec forks a JVM of its own: the heap is set here (the segments, their JSON and one fake's points at a time:
# ~0.5 GB at 20,000 segments) and Maven's classes stay out of the measured process.
# sun.net.httpserver.nodelay: the Weaviate fake's REST API runs on the JDK's HTTP server, which sends headers and body in
# separate writes; with Nagle's algorithm on, every one-object insert waited ~40 ms for a delayed ACK (22 inserts/s), a
# stall a real Weaviate (Go, TCP_NODELAY) does not have. The platform simulator sets the same for its server.
mvn -B -q -Dstyle.color=never -pl benchmarks exec:exec -Dexec.executable=java \
    -Dexec.args="-Xmx3g -Dsun.net.httpserver.nodelay=true -cp %classpath io.vecsync.bench.StoreSinkBenchmark $*"
