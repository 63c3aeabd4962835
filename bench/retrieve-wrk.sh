#!/usr/bin/env sh
# ITI-43 against a plain GET of the same 20 KB document, with the load generator (wrk) in its own
# process. Needs wrk (Debian package "wrk"; installed here if missing and possible) and a
# PostgreSQL in EOJXDS_TEST_DB_URL. Usage: bench/retrieve-wrk.sh [seconds] [connections]
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-8}
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
run() { echo "== $1"; shift; "$@" | grep -E "Requests/sec|Latency Distribution|50%|99%|Non-2xx" ; }
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$open/bench/plain/doc-7" >/dev/null   # warm-up
BODY="$dir/iti43.xml" wrk -t2 -c"$connections" -d5s -s "$dir/post.lua" "http://127.0.0.1:$open/services/repository/iti43" >/dev/null
BODY="$dir/iti43-dgws.xml" wrk -t2 -c"$connections" -d5s -s "$dir/post.lua" "http://127.0.0.1:$secured/services/repository/iti43" >/dev/null
run "plain GET" wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$open/bench/plain/doc-7"
BODY="$dir/iti43.xml" run "ITI-43, DGWS off" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$dir/post.lua" \
  "http://127.0.0.1:$open/services/repository/iti43"
BODY="$dir/iti43-dgws.xml" run "ITI-43, DGWS on" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$dir/post.lua" \
  "http://127.0.0.1:$secured/services/repository/iti43"
