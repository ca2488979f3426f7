#!/usr/bin/env bash
# HTTP load run (see docs/benchmarks.md): starts the packaged server on a fresh H2 data dir with the
# demo tenant, then drives the trivial GET /health and POST /subscription/preview with wrk, one
# after the other, on loopback. Needs `wrk` (Debian package) and `mvn package` done first.
# Besides wrk's report it prints the CPU time per request of the server process and of wrk itself
# (from /proc and /usr/bin/time): on a machine other work shares, their sum per endpoint estimates the
# throughput ratio a dedicated machine would show (server and wrk saturate the same cores).
# Usage: benchmarks/http/run.sh [duration, default 20s] [connections, default 32]
# JAR=... picks another server jar (e.g. one built from an earlier commit, to compare).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20s}
connections=${2:-32}
jar=${JAR:-bootstrap/target/subscription-suite.jar}
port=18181
data=$(mktemp -d)
SUITE_DATA_DIR="$data" SUITE_HTTP_HOST=127.0.0.1 SUITE_HTTP_PORT=$port \
  java -jar "$jar" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
hz=$(getconf CLK_TCK)
server_cpu_ms() { awk -v hz="$hz" '{print int(($14 + $15) * 1000 / hz)}' /proc/$server/stat; }
# drive NAME WRK-ARGS...: wrk's report, then "cpu NAME <requests> <server CPU µs/request> <wrk CPU µs/request>"
drive() {
  local name=$1; shift
  local before after
  before=$(server_cpu_ms)
  /usr/bin/time -f '%U %S' -o "$data/wrk.time" wrk "$@" | tee "$data/wrk.out"
  after=$(server_cpu_ms)
  local requests
  requests=$(awk '/requests in/ {print $1}' "$data/wrk.out")
  awk -v n="$name" -v r="$requests" -v s=$((after - before)) '{printf "cpu %s %d requests: server %.1f us/request, wrk %.1f us/request\n", n, r, s * 1000 / r, ($1 + $2) * 1e6 / r}' "$data/wrk.time" | tee -a "$data/cpu"
}
echo "== warm-up"
wrk -t2 -c"$connections" -d10s -s benchmarks/http/preview.lua "http://127.0.0.1:$port/subscription/preview" >/dev/null
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$port/health" >/dev/null
echo "== GET /health (trivial endpoint)"
drive health -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port/health"
echo "== POST /subscription/preview (3-line demo cart, OSS tax)"
drive preview -t2 -c"$connections" -d"$duration" --latency -s benchmarks/http/preview.lua "http://127.0.0.1:$port/subscription/preview"
awk '{gsub("us/request,?", ""); t[$2] = $6 + $8; s[$2] = $6} END {printf "CPU per request (server + wrk): health %.1f us, preview %.1f us; estimated preview / trivial on dedicated cores: %.2f (server alone: %.2f)\n", t["health"], t["preview"], t["health"] / t["preview"], s["health"] / s["preview"]}' "$data/cpu"
