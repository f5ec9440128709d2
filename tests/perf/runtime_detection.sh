#!/bin/bash
# Prints how long `showdown runtimes` takes to find and probe every runtime on this machine (probes run in
# parallel, each stopped after 10 s), against the time the slowest single probe takes alone: detection
# should cost little more than its slowest interpreter. Also prints how many runtimes it found.
# usage: tests/perf/runtime_detection.sh [build-dir] [repeats]    (repeats default: 5)
# Figures taken on a loaded machine are not trustworthy: take the final ones on a quiet one.
set -euo pipefail
build=${1:-build}
repeats=${2:-5}
showdown="$build/bin/showdown"
[ -x "$showdown" ] || { echo "build first: cmake --build $build --target showdown" >&2; exit 1; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
ms() { python3 -c 'import sys; print(f"{(int(sys.argv[2]) - int(sys.argv[1])) / 1e6:.0f}")' "$@"; }
"$showdown" runtimes --json >/tmp/showdown-runtimes.$$.json
python3 - /tmp/showdown-runtimes.$$.json <<'PY'
import json, sys
runtimes = json.load(open(sys.argv[1]))["runtimes"]
ok = [r for r in runtimes if r["available"]]
print(f"{len(runtimes)} runtimes listed, {len(ok)} usable, {sum(1 for r in runtimes if 'error' in r)} broken")
PY
for i in $(seq "$repeats"); do
  start=$(date +%s%N); "$showdown" runtimes >/dev/null; end=$(date +%s%N)
  echo "showdown runtimes: $(ms "$start" "$end") ms"
done
# The slowest single probe, for scale: each usable interpreter started once with a trivial program.
slowest=0
for path in $(python3 -c 'import json,sys; print("\n".join(r["path"] for r in json.load(open(sys.argv[1]))["runtimes"] if r["available"] and r["family"] == "python"))' /tmp/showdown-runtimes.$$.json | sort -u); do
  start=$(date +%s%N); "$path" -c pass; end=$(date +%s%N)
  t=$(ms "$start" "$end"); (( t > slowest )) && slowest=$t
done
echo "slowest Python start alone: $slowest ms"
rm -f /tmp/showdown-runtimes.$$.json
