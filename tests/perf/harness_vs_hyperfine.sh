#!/usr/bin/env bash
# Harness accuracy: times the same null programs (the `startup` benchmark pair, with the arguments, working
# directory and stdin Showdown gives them) with hyperfine and with `showdown run --only startup`.
#
# Each round runs hyperfine, then Showdown, then hyperfine again, so slow drift (thermal, other load) cannot
# favour either tool. Per runtime it prints the hyperfine median, the Showdown median, their ratio with a
# bootstrap 95% CI (raw times resampled), and the A/A ratio of the two hyperfine streams (after / before
# Showdown in each round, with its CI): that is this machine's noise floor.
# Verdict: on target when the ratio is within 2% of 1, or within the A/A noise plus 2% where the machine is
# noisier than that. Exit status 1 when a runtime is off target.
#
# Usage: [ROUNDS=5] [SHOWDOWN=build/bin/showdown] tests/perf/harness_vs_hyperfine.sh [RUNS]   (default 30 runs per tool per round)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
showdown=${SHOWDOWN:-$root/build/bin/showdown}  # SHOWDOWN=path compares another build
runs=${1:-30}
rounds=${ROUNDS:-5}
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 1; }
[ -x "$showdown" ] || { echo "$showdown is missing: run bash packaging/bootstrap.sh test first" >&2; exit 1; }
node=$(command -v node)
benchmarks="$root/resources/benchmarks"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Exactly what Showdown runs (SuiteRunner::processSpec): same argv, started in the benchmarks folder.
arguments="--size 0 --iterations 0 --warmup 0"
hyperfine_round() {
  (cd "$benchmarks" && hyperfine --shell=none --warmup 3 --runs "$runs" --export-json "$1" \
    "$node node/startup.js $arguments" "/usr/bin/python3 python/startup.py $arguments" >/dev/null 2>"$1.log") \
    || { cat "$1.log" >&2; exit 1; }
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq "$rounds"); do
  hyperfine_round "$work/before-$round.json"
  "$showdown" run --only startup --runs "$runs" --db "$work/showdown.sqlite" --runtime "$node" --runtime /usr/bin/python3 \
    --json >"$work/showdown-$round.json" 2>"$work/showdown-$round.log" || { cat "$work/showdown-$round.log" >&2; exit 1; }
  hyperfine_round "$work/after-$round.json"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

/usr/bin/python3 - "$work" "$rounds" "$runs" "$load_before" "$load_after" <<'PY'
import json, random, sqlite3, statistics, sys
work, rounds, runs, load_before, load_after = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
names = ["node", "python3"]  # the order of hyperfine's commands
before = {name: [] for name in names}
after = {name: [] for name in names}
for r in range(1, rounds + 1):
    for stream, prefix in ((before, "before"), (after, "after")):
        results = json.load(open(f"{work}/{prefix}-{r}.json"))["results"]
        for name, result in zip(names, results):
            stream[name] += [t * 1e3 for t in result["times"]]
# Showdown's raw samples, straight from its database.
db = sqlite3.connect(f"{work}/showdown.sqlite")
ours = {name: [ns / 1e6 for (ns,) in db.execute(
    "SELECT s.ns FROM samples s JOIN processes p ON p.id = s.process_id "
    "WHERE p.benchmark = 'startup' AND p.runtime = ? AND p.status = 'ok' AND s.phase = 1", (name,))]
    for name in names}

rng = random.Random(20240610)
RESAMPLES = 4000
def ratio_ci(numerator, denominator):
    """Ratio of medians with a percentile bootstrap 95% CI, both samples resampled independently."""
    point = statistics.median(numerator) / statistics.median(denominator)
    ratios = sorted(statistics.median(rng.choices(numerator, k=len(numerator)))
                    / statistics.median(rng.choices(denominator, k=len(denominator))) for _ in range(RESAMPLES))
    return point, ratios[int(0.025 * RESAMPLES)], ratios[int(0.975 * RESAMPLES) - 1]

print(f"harness_vs_hyperfine: {rounds} rounds x {runs} runs per tool (hyperfine, Showdown, hyperfine); "
      f"load average {load_before} before, {load_after} after")
print(f"{'runtime':8} {'hyperfine':>10} {'showdown':>10}  {'showdown/hyperfine [95% CI]':27}  "
      f"{'A/A hyperfine [95% CI]':24}  {'allowed':>7}  verdict")
off = 0
for name in names:
    hyper = before[name] + after[name]
    if not ours[name]:
        print(f"{name:8} Showdown recorded no valid sample (see {work}/showdown-*.log)")
        off += 1
        continue
    ratio, lo, hi = ratio_ci(ours[name], hyper)
    aa, aa_lo, aa_hi = ratio_ci(after[name], before[name])
    # Within 2%, or within the machine's own A/A noise plus 2% where that noise is larger.
    allowed = 0.02 + abs(aa - 1)
    ok = abs(ratio - 1) <= allowed
    off += not ok
    print(f"{name:8} {statistics.median(hyper):7.2f} ms {statistics.median(ours[name]):7.2f} ms  "
          f"{ratio:6.3f} [{lo:.3f}, {hi:.3f}]{'':7}  {aa:6.3f} [{aa_lo:.3f}, {aa_hi:.3f}]{'':4}  "
          f"{allowed * 100:6.1f}%  {'on target' if ok else 'OFF TARGET'}")
print(f"n per runtime: hyperfine {len(before[names[0]])} + {len(after[names[0]])}, "
      f"Showdown {', '.join(str(len(ours[n])) for n in names)}")
sys.exit(1 if off else 0)
PY
