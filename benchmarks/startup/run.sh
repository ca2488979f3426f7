#!/usr/bin/env bash
# Startup run (see docs/benchmarks.md, "Startup"): starts the packaged server jar N times, each on a
# fresh temporary data directory (new H2 file: every migration runs, the demo tenant is loaded), and
# polls GET /health/ready (UP only once the migrations ran and a tenant is loaded) every 10 ms until
# the first 200; prints the milliseconds from launching `java` to that answer, per run and the median.
# The poll is bash's own /dev/tcp, no process per try: a curl started every 10 ms took CPU from the
# server on two cores and made a start look about half a second longer (docs/benchmarks.md "Startup").
# Needs `mvn package` done first.
# Usage: benchmarks/startup/run.sh [runs, default 5] [extra java options, e.g. -Xshare:off]
# The start command is the README's: java -XX:SharedArchiveFile=... -jar bootstrap/target/subscription-suite.jar
# when the build produced the class-data-sharing archive, else java -jar ... (STARTUP_CDS=off forces the latter).
# JAR=... and JSA=... pick another jar and archive (e.g. built from an earlier commit, to compare); JAVA=... another
# java launcher (the one whose JDK built the archive: a JDK 25 build writes an AOT cache, see bootstrap/pom.xml).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
shift || true
jar=${JAR:-bootstrap/target/subscription-suite.jar}
jsa=${JSA:-bootstrap/target/subscription-suite.jsa}
cds=()
if [[ -f "$jsa" && "${STARTUP_CDS:-on}" != off ]]; then
  cds=(-XX:SharedArchiveFile="$jsa")
fi
port=18282
times=()
exec {pause}<> <(:) # a pipe nobody writes to: `read -t` on it waits without starting a process
ready() {
  { exec {conn}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&"$conn"
  local status=
  IFS= read -r -t 5 status <&"$conn" || true
  exec {conn}>&-
  [[ $status == "HTTP/1.1 200"* ]]
}
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  SUITE_DATA_DIR="$data" SUITE_HTTP_HOST=127.0.0.1 SUITE_HTTP_PORT=$port \
    "${JAVA:-java}" "${cds[@]}" "$@" -jar "$jar" > "$data/server.log" 2>&1 &
  server=$!
  ok=
  for _ in $(seq 1 3000); do
    if ready; then ok=1; break; fi
    if ! kill -0 $server 2>/dev/null; then break; fi
    read -r -t 0.01 -u "$pause" || true
  done
  end=$(date +%s%N)
  # the process's CPU time so far (user + system, all its threads), less sensitive to other load than the wall clock
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' /proc/$server/stat 2>/dev/null || echo '?')
  kill $server 2>/dev/null || true
  wait $server 2>/dev/null || true
  if [[ -z "$ok" ]]; then
    echo "run $run: no 200 from /health/ready; server log:" >&2
    cat "$data/server.log" >&2
    rm -rf "$data"
    exit 1
  fi
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $run: first 200 after $ms ms (process CPU $cpu ms, load average $(cut -d' ' -f1 /proc/loadavg)) ${cds[*]} $*"
  rm -rf "$data"
  sleep 1
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms (min " a[1] ", max " a[NR] ")"}'
