#!/usr/bin/env bash
# Is the built-in load generator a fair instrument? Loads the same node HTTP server with wrk and with
# `showdown loadgen`, same connection count, taking turns over several rounds, and prints both tools'
# requests/s, p50 and p99 with the ratios. Targets: Showdown req/s >= 90% of wrk's, p50 within 20%.
#
# On a shared machine the server's throughput swings with other people's load, so the script also prints
# each tool's own CPU time per completed request (user + system, from /usr/bin/time), which that noise
# barely touches: it says directly whether the generator costs more than wrk per request.
#
# Usage: tests/perf/loadgen_vs_wrk.sh      (ROUNDS=3 DURATION=10 CONNECTIONS=64 PATH_=/plaintext)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
showdown="$root/build/bin/showdown"
rounds=${ROUNDS:-3}
duration=${DURATION:-10}
connections=${CONNECTIONS:-64}
path=${PATH_:-/plaintext}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 1; }
[ -x "$showdown" ] || { echo "$showdown is missing: build first" >&2; exit 1; }
. "$root/tests/perf/start_node_server.sh"
# The benchmark's own node server when it exists, else the test fixture (same node `http` module).
server="$root/resources/benchmarks/node/server-http.js"
[ -f "$server" ] || server="$root/tests/fixtures/http_fixture.js"
start_node_server "$server"
url="http://127.0.0.1:$port$path"
echo "server: node $(basename "$server") (pid $server_pid), $url; $connections connections, ${duration}s x $rounds rounds"

run_wrk() {
  /usr/bin/time -f "%U %S" -o "$work/wrk-$1.cpu" wrk -t1 -c"$connections" -d"${duration}s" --latency "$url" >"$work/wrk-$1.txt"
}
run_showdown() {
  /usr/bin/time -f "%U %S" -o "$work/showdown-$1.cpu" \
    "$showdown" loadgen --url "$url" --connections "$connections" --duration "$duration" --json >"$work/showdown-$1.json"
}

# Warm the server's JIT before anything is measured.
wrk -t1 -c"$connections" -d2s "$url" >/dev/null
for round in $(seq "$rounds"); do
  # Alternate which tool goes first, so drift in the machine's load hits both alike.
  if [ $((round % 2)) -eq 1 ]; then run_wrk "$round"; run_showdown "$round"; else run_showdown "$round"; run_wrk "$round"; fi
done

/usr/bin/python3 - "$work" "$rounds" <<'PY'
import json, re, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
units = {"us": 1e3, "ms": 1e6, "s": 1e9}

def cpu_seconds(name):
    return sum(float(x) for x in open(f"{work}/{name}.cpu").read().split()[-2:])

def wrk(round_):
    text = open(f"{work}/wrk-{round_}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    pct = {p: float(v) * units[u] for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)}
    errors = re.search(r"Socket errors:.*|Non-2xx.*", text)
    return rps, pct["50"], pct["99"], errors.group(0) if errors else ""

rows = []
print(f"{'round':>5} {'wrk req/s':>11} {'ours req/s':>11} {'ratio':>6} {'wrk p50':>9} {'ours p50':>9} {'ratio':>6}"
      f" {'wrk p99':>9} {'ours p99':>9} {'cpu us/req wrk':>14} {'ours':>6}")
for r in range(1, rounds + 1):
    w_rps, w50, w99, w_err = wrk(r)
    ours = json.load(open(f"{work}/showdown-{r}.json"))
    o_rps, o50, o99 = ours["requests_per_sec"], ours["latency_ns"]["p50"], ours["latency_ns"]["p99"]
    # wrk's count includes its whole run; ours only the measured phase, so CPU is divided accordingly.
    w_cost = cpu_seconds(f"wrk-{r}") / (w_rps * float(re.search(r"requests in ([\d.]+)s", open(f"{work}/wrk-{r}.txt").read()).group(1))) * 1e6
    o_cost = cpu_seconds(f"showdown-{r}") / ours["completed"] * 1e6
    rows.append((w_rps, o_rps, w50, o50, w99, o99, w_cost, o_cost))
    print(f"{r:5} {w_rps:11.0f} {o_rps:11.0f} {o_rps / w_rps:6.3f} {w50 / 1e6:7.3f}ms {o50 / 1e6:7.3f}ms {o50 / w50:6.3f}"
          f" {w99 / 1e6:7.3f}ms {o99 / 1e6:7.3f}ms {w_cost:14.2f} {o_cost:6.2f}"
          + (f"  wrk: {w_err}" if w_err else "") + (f"  ours errors: {ours['errors']}" if ours["errors"] else ""))
med = [statistics.median(column) for column in zip(*rows)]
rps_ratio, p50_ratio, p99_ratio = med[1] / med[0], med[3] / med[2], med[5] / med[4]
print(f"median  wrk {med[0]:.0f} req/s, p50 {med[2] / 1e6:.3f} ms, p99 {med[4] / 1e6:.3f} ms;"
      f"  showdown {med[1]:.0f} req/s, p50 {med[3] / 1e6:.3f} ms, p99 {med[5] / 1e6:.3f} ms")
ok_rps, ok_p50 = rps_ratio >= 0.9, abs(p50_ratio - 1) <= 0.2
print(f"generator CPU per request: wrk {med[6]:.2f} us, showdown {med[7]:.2f} us (ratio {med[7] / med[6]:.3f})")
print(f"req/s ratio {rps_ratio:.3f} (target >= 0.90: {'ok' if ok_rps else 'OFF TARGET'});"
      f" p50 ratio {p50_ratio:.3f} (target 0.80..1.20: {'ok' if ok_p50 else 'OFF TARGET'}); p99 ratio {p99_ratio:.3f}")
sys.exit(0 if ok_rps and ok_p50 else 1)
PY
