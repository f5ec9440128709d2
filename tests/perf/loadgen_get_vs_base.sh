#!/usr/bin/env bash
# Did teaching the load generator methods, headers, bodies and body digests (user servers, issue 15) slow the
# built-in servers' bare GET? Loads the same node HTTP server with this build's `showdown loadgen` and with a
# base build's (main's, by default), taking turns over several rounds, and prints each one's requests/s and its
# own CPU time per completed request (user + system, from /usr/bin/time), which other people's load on a shared
# machine barely touches. Target: CPU per request within noise (ratio about 1.00). Take figures on a quiet machine.
#
# Usage: BASE=OTHER_BUILD/bin/showdown tests/perf/loadgen_get_vs_base.sh   (ROUNDS=4 DURATION=5 CONNECTIONS=64)
#   BASE is a build of the commit to compare with (e.g. a worktree of main built before the change).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
ours="$root/build/bin/showdown"
base=${BASE:?set BASE to the showdown binary of a base build to compare with, e.g. BASE=../base/build/bin/showdown}
rounds=${ROUNDS:-4}
duration=${DURATION:-5}
connections=${CONNECTIONS:-64}
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 1; }
for binary in "$ours" "$base"; do [ -x "$binary" ] || { echo "$binary is missing: build it first" >&2; exit 1; }; done
. "$root/tests/perf/start_node_server.sh"
start_node_server "$root/resources/benchmarks/node/server-http.js"
url="http://127.0.0.1:$port/plaintext"
echo "server: node server-http.js (pid $server_pid), $url; $connections connections, ${duration}s x $rounds rounds"
echo "ours: $ours"
echo "base: $base"

run() {  # NAME BINARY ROUND
  /usr/bin/time -f "%U %S" -o "$work/$1-$3.cpu" \
    "$2" loadgen --url "$url" --connections "$connections" --duration "$duration" --warmup 0.5 --expect-body "Hello, World!" --json >"$work/$1-$3.json"
}
for round in $(seq "$rounds"); do
  # Alternate which build goes first, so drift in the machine's load hits both alike.
  if [ $((round % 2)) -eq 1 ]; then run ours "$ours" "$round"; run base "$base" "$round"; else run base "$base" "$round"; run ours "$ours" "$round"; fi
done

/usr/bin/python3 - "$work" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
def figures(name, r):
    result = json.load(open(f"{work}/{name}-{r}.json"))
    cpu = sum(float(x) for x in open(f"{work}/{name}-{r}.cpu").read().split()[-2:])
    completed = result["completed"]
    return result["requests_per_sec"], cpu / completed * 1e6 if completed else float("nan"), sum(result.get("errors", {}).values())
print(f"{'round':>5} {'ours req/s':>11} {'base req/s':>11} {'ours us/req':>12} {'base us/req':>12} {'errors':>7}")
ours_cost, base_cost, ours_rps, base_rps = [], [], [], []
for r in range(1, rounds + 1):
    o, b = figures("ours", r), figures("base", r)
    ours_rps.append(o[0]); base_rps.append(b[0]); ours_cost.append(o[1]); base_cost.append(b[1])
    print(f"{r:>5} {o[0]:>11.0f} {b[0]:>11.0f} {o[1]:>12.2f} {b[1]:>12.2f} {o[2] + b[2]:>7}")
mo, mb = statistics.median(ours_cost), statistics.median(base_cost)
print(f"median: ours {statistics.median(ours_rps):.0f} req/s, {mo:.2f} us CPU/request; base {statistics.median(base_rps):.0f} req/s, {mb:.2f} us CPU/request;"
      f" CPU ratio ours/base {mo / mb:.3f}")
PY
