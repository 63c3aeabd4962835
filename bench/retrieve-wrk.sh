#!/usr/bin/env sh
# ITI-43 against a plain GET of the same 20 KB document, with the load generator (wrk) in its own
# process. Needs wrk (Debian package "wrk"; installed here if missing and possible) and a
# PostgreSQL in EOJXDS_TEST_DB_URL.
# Usage: bench/retrieve-wrk.sh [seconds per measurement] [connections] [rounds] [warm-up rounds]
# The JIT compiler needs minutes on two cores before the rates settle: the warm-up rounds run all
# three requests in turn (20 s each) before anything is measured; then each round measures the
# three in turn, and the median of the rounds is reported.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-16}
rounds=${3:-3}
warmups=${4:-4}
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
dir=bench/target/retrieve-bench
rm -rf "$dir"
./mvnw -q -B -pl bench exec:java -Dexec.mainClass=dk.eojxds.bench.RetrieveBenchmark \
  -Dexec.args="serve $PWD/$dir" > bench/target/retrieve-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; pkill -f "RetrieveBenchmark" 2>/dev/null || true' EXIT
i=0
while [ ! -s "$dir/ports" ]; do
  i=$((i+1))
  if [ $i -ge 240 ] || ! kill -0 $server 2>/dev/null; then
    echo "server did not start; see bench/target/retrieve-serve.log"; tail -5 bench/target/retrieve-serve.log; exit 1
  fi
  sleep 1
done
read -r open secured < "$dir/ports"
cat > "$dir/post.lua" <<'LUA'
local f = io.open(os.getenv("BODY"), "r"); wrk.body = f:read("*a"); f:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/soap+xml; charset=UTF-8"
LUA
plain() { wrk -t2 -c"$connections" -d"$1" --latency "http://127.0.0.1:$open/bench/plain/doc-7"; }
off() { BODY="$dir/iti43.xml" wrk -t2 -c"$connections" -d"$1" --latency -s "$dir/post.lua" \
  "http://127.0.0.1:$open/services/repository/iti43"; }
on() { BODY="$dir/iti43-dgws.xml" wrk -t2 -c"$connections" -d"$1" --latency -s "$dir/post.lua" \
  "http://127.0.0.1:$secured/services/repository/iti43"; }
w=0
while [ $w -lt "$warmups" ]; do plain 20s >/dev/null; off 20s >/dev/null; on 20s >/dev/null; w=$((w+1)); done
# one line per measurement: request rate p50 p99 non-2xx
measure() {
  "$1" "${seconds}s" | awk -v name="$1" '
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Requests\/sec/ {rate=$2} /Non-2xx/ {bad=$NF}
    END {printf "%s %s %s %s %s\n", name, rate, p50, p99, (bad == "" ? 0 : bad)}'
}
r=0
: > "$dir/results"
while [ $r -lt "$rounds" ]; do
  for kind in plain off on; do measure $kind | tee -a "$dir/results"; done
  r=$((r+1))
done
echo "== median of $rounds rounds (requests/s, p50, p99 of the median round)"
for kind in plain off on; do
  grep "^$kind " "$dir/results" | sort -k2 -n | awk -v n="$rounds" 'NR == int((n + 1) / 2)'
done | awk 'NR == 1 {base = $2} {printf "%-6s %10.0f/s  p50 %-8s p99 %-8s %3.0f%% of plain GET  non-2xx %s\n", $1, $2, $3, $4, 100 * $2 / base, $5}'
