#!/usr/bin/env bash
# Harness accuracy: times the same null programs with hyperfine and with `showdown run --only startup`,
# in one run, and prints both medians and their ratio per runtime. Target: Showdown within 5% of hyperfine.
#
# Usage: tests/perf/harness_vs_hyperfine.sh [RUNS]   (default 30 runs per tool per round; ROUNDS=3)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
showdown="$root/build/bin/showdown"
runs=${1:-30}
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 1; }
[ -x "$showdown" ] || { echo "$showdown is missing: run bash packaging/bootstrap.sh test first" >&2; exit 1; }
node=$(command -v node)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same programs Showdown starts: the startup benchmark pair, a true null program each. The machine's
# noise (seen here: 10% between two hyperfine runs a minute apart) is larger than the target, so the two tools
# take turns over several rounds and the median of every raw time is compared.
rounds=${ROUNDS:-3}
for round in $(seq "$rounds"); do
  hyperfine --shell=none --warmup 3 --runs "$runs" --export-json "$work/hyperfine-$round.json" \
    "$node $root/resources/benchmarks/node/startup.js" \
    "/usr/bin/python3 $root/resources/benchmarks/python/startup.py" >/dev/null 2>"$work/hyperfine-$round.log"
  "$showdown" run --only startup --runs "$runs" --db "$work/showdown.sqlite" --json >/dev/null 2>&1
done

/usr/bin/python3 - "$work" "$rounds" <<'PY'
import json, sqlite3, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
hyper = {"node": [], "python3": []}
for r in range(1, rounds + 1):
    results = json.load(open(f"{work}/hyperfine-{r}.json"))["results"]
    hyper["node"] += [t * 1e3 for t in results[0]["times"]]
    hyper["python3"] += [t * 1e3 for t in results[1]["times"]]
# Showdown's raw samples, straight from its database.
db = sqlite3.connect(f"{work}/showdown.sqlite")
ours = {name: [ns / 1e6 for (ns,) in db.execute(
    "SELECT s.ns FROM samples s JOIN processes p ON p.id = s.process_id "
    "WHERE p.benchmark = 'startup' AND p.runtime = ? AND p.status = 'ok' AND s.phase = 1", (name,))]
    for name in hyper}
print(f"{'runtime':10} {'hyperfine median':>17} {'showdown median':>16} {'n':>5} {'ratio':>7}  verdict (target: within 5%)")
worst = 0.0
for name in hyper:
    if not ours[name]:
        print(f"{name:10} showdown recorded no valid sample")
        sys.exit(1)
    h, s = statistics.median(hyper[name]), statistics.median(ours[name])
    ratio = s / h
    worst = max(worst, abs(ratio - 1))
    print(f"{name:10} {h:14.2f} ms {s:13.2f} ms {len(ours[name]):5} {ratio:7.3f}  {'ok' if abs(ratio - 1) <= 0.05 else 'OFF TARGET'}")
sys.exit(0 if worst <= 0.05 else 1)
PY
