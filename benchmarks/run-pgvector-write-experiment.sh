#!/usr/bin/env bash
# Builds the benchmarks and runs the pgvector sink's write-path experiment; arguments go to WritePathExperiment.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -DskipTests install -pl benchmarks -am
mvn -B -q -Dstyle.color=never -pl benchmarks exec:exec -Dexec.executable=java \
    -Dexec.args="-Xmx2g -cp %classpath io.vecsync.bench.WritePathExperiment $*"
