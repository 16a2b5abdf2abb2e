# Sourced by the run-*.sh scripts, from the repository root: starts what a benchmark measures against, as the test
# suites start it (test-support's PostgresServer, the stores' WeaviateServer and ChromaServer), and stops it when the
# script exits. Each function sets the benchmark's arguments in BENCH_ARGS; where a server cannot be had it says why
# on stderr and adds nothing, and the benchmark reports what it leaves out.

BENCH_ARGS=()
_bench_cleanup=()
trap '_bench_stop' EXIT

_bench_stop() {
  local i
  for (( i = ${#_bench_cleanup[@]} - 1; i >= 0; i-- )); do
    eval "${_bench_cleanup[i]}" || true
  done
}

# Whether the arguments name the option already: the user's server wins over one started here.
_bench_given() {
  local option="$1" arg
  shift
  for arg in "$@"; do
    [[ "${arg}" == "${option}" ]] && return 0
  done
  return 1
}

# A loopback port nothing listens on now.
_bench_free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
      echo "${port}"
      return
    fi
  done
}

# Waits until a GET of the URL answers 200, or the process has died, or the seconds have passed.
_bench_await() {
  local url="$1" pid="$2" seconds="$3" log="$4"
  local deadline=$(( SECONDS + seconds ))
  until curl -sf -o /dev/null --max-time 2 "${url}"; do
    if ! kill -0 "${pid}" 2>/dev/null || (( SECONDS > deadline )); then
      echo "not ready at ${url} (log: ${log})" >&2
      return 1
    fi
    sleep 0.5
  done
}

# Stops a server started here: asked first, killed if it lingers; then its scratch directory goes.
_bench_kill() {
  local pid="$1" dir="$2" i
  kill "${pid}" 2>/dev/null || true
  for (( i = 0; i < 50; i++ )); do
    kill -0 "${pid}" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "${pid}" 2>/dev/null || true
  wait "${pid}" 2>/dev/null || true
  rm -rf "${dir}"
}

# PostgreSQL with pgvector: --pg-url or $VECSYNC_PG_URL when given, else the scratch cluster under target/pg: the one
# running there (bin/test's, say), or one started here and stopped at exit.
bench_postgres() {
  if _bench_given --pg-url "$@" || [[ -n "${VECSYNC_PG_URL:-}" ]]; then
    return
  fi
  local dir="${PWD}/target/pg"
  if ! VECSYNC_PG_URL="$(bash bin/pg-scratch url "${dir}" 2>/dev/null)"; then
    VECSYNC_PG_URL="$(bash bin/pg-scratch start "${dir}" | tail -n 1)"
    _bench_cleanup+=("bash bin/pg-scratch stop '${dir}' 2>/dev/null")
  fi
  export VECSYNC_PG_URL
}

# The docs' own Python loops are the baselines: their clients, pinned, in a cached venv.
bench_docs_python() {
  if _bench_given --docs-python "$@"; then
    return
  fi
  VECSYNC_DOCS_PYTHON="$(bash bin/docs-loops-provision)"
  export VECSYNC_DOCS_PYTHON
}

# A real Weaviate, built from the Go module proxy: on loopback ports of its own, anonymous, no vectorizer module.
bench_weaviate() {
  if _bench_given --weaviate-url "$@"; then
    return
  fi
  local binary
  binary="$(bash bin/weaviate-provision)"
  [[ -n "${binary}" ]] || return 0
  local dir http grpc
  dir="$(mktemp -d /tmp/vecsync-weaviate.XXXXXX)"
  http="$(_bench_free_port)"
  grpc="$(_bench_free_port)"
  # A single node on loopback: its cluster ports must be free, and it must not advertise the host's own address (an
  # IPv6 one breaks its RPC listener).
  PERSISTENCE_DATA_PATH="${dir}" AUTHENTICATION_ANONYMOUS_ACCESS_ENABLED=true DEFAULT_VECTORIZER_MODULE=none \
    DISABLE_TELEMETRY=true GRPC_PORT="${grpc}" CLUSTER_HOSTNAME=node1 CLUSTER_ADVERTISE_ADDR=127.0.0.1 \
    CLUSTER_BIND_ADDR=127.0.0.1 CLUSTER_GOSSIP_BIND_PORT="$(_bench_free_port)" CLUSTER_DATA_BIND_PORT="$(_bench_free_port)" \
    RAFT_PORT="$(_bench_free_port)" RAFT_INTERNAL_RPC_PORT="$(_bench_free_port)" RAFT_BOOTSTRAP_EXPECT=1 \
    "${binary}" --host 127.0.0.1 --port "${http}" --scheme http >"${dir}/weaviate.log" 2>&1 &
  local pid=$!
  _bench_cleanup+=("_bench_kill ${pid} '${dir}'")
  if _bench_await "http://127.0.0.1:${http}/v1/.well-known/ready" "${pid}" 90 "${dir}/weaviate.log"; then
    BENCH_ARGS+=(--weaviate-url "http://127.0.0.1:${http}" --weaviate-grpc-port "${grpc}")
  fi
}

# A real Chroma from PyPI: chroma run on a loopback port of its own, persisting to a scratch directory.
bench_chroma() {
  if _bench_given --chroma-url "$@"; then
    return
  fi
  local chroma
  chroma="$(bash bin/chroma-provision)"
  [[ -n "${chroma}" ]] || return 0
  local dir port
  dir="$(mktemp -d /tmp/vecsync-chroma.XXXXXX)"
  port="$(_bench_free_port)"
  ANONYMIZED_TELEMETRY=False "${chroma}" run --path "${dir}/data" --host 127.0.0.1 --port "${port}" >"${dir}/chroma.log" 2>&1 &
  local pid=$!
  _bench_cleanup+=("_bench_kill ${pid} '${dir}'")
  if _bench_await "http://127.0.0.1:${port}/api/v2/heartbeat" "${pid}" 60 "${dir}/chroma.log"; then
    BENCH_ARGS+=(--chroma-url "http://127.0.0.1:${port}")
  fi
}

# Runs the benchmark's main class in a JVM of its own, the JVM options first, then the class, then its arguments:
# exec:exec forks it, so that the heap is set here and Maven's classes stay out of the measured process.
bench_run() {
  local jvm_options="$1" main_class="$2"
  shift 2
  mvn -B -q -Dstyle.color=never -pl benchmarks exec:exec -Dexec.executable=java \
    -Dexec.args="${jvm_options} -cp %classpath ${main_class} $* ${BENCH_ARGS[*]}"
}
