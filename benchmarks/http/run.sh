#!/usr/bin/env bash
# HTTP load run (see docs/benchmarks.md): starts the packaged server on a fresh H2 data dir with the
# demo tenant, then drives the trivial GET /health and POST /subscription/preview with wrk, one
# after the other, on loopback. Needs `wrk` (Debian package) and `mvn package` done first.
# Usage: benchmarks/http/run.sh [duration, default 20s] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-20s}
connections=${2:-32}
port=18181
data=$(mktemp -d)
SUITE_DATA_DIR="$data" SUITE_HTTP_HOST=127.0.0.1 SUITE_HTTP_PORT=$port \
  java -jar bootstrap/target/subscription-suite.jar > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
echo "== warm-up"
wrk -t2 -c"$connections" -d10s -s benchmarks/http/preview.lua "http://127.0.0.1:$port/subscription/preview" >/dev/null
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$port/health" >/dev/null
echo "== GET /health (trivial endpoint)"
wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port/health"
echo "== POST /subscription/preview (3-line demo cart, OSS tax)"
wrk -t2 -c"$connections" -d"$duration" --latency -s benchmarks/http/preview.lua "http://127.0.0.1:$port/subscription/preview"
