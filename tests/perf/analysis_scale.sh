#!/bin/bash
# Prints how long readers take on a result set of 1,000,000 measured samples, against the 2 s target:
# `showdown show ID`, `showdown show ID --json`, `showdown report ID --pdf FILE` and opening the set in the
# window (tests/perf/analysis_open.cpp, offscreen or Xvfb).
# The set is real: `showdown run --suite quick --only nbody` measures a small one, tests/perf/multiply_samples.py
# copies its measured iterations (with a +-1% jitter) up to the target, and `showdown import` (a write path)
# adds it to a fresh database, storing its analysis; the import time is printed too.
# usage: tests/perf/analysis_scale.sh [build-dir] [samples]    (samples default: 1000000)
# Figures taken on a loaded machine are not trustworthy: take the final ones on a quiet one.
set -euo pipefail
build=${1:-build}
target=${2:-1000000}
here=$(cd "$(dirname "$0")" && pwd)
showdown="$build/bin/showdown"
opener="$build/bin/analysis_open"
for tool in "$showdown" "$opener"; do
  [ -x "$tool" ] || { echo "build first: cmake --build $build --target showdown analysis_open" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
"$showdown" run --suite quick --only nbody --db "$work/small.sqlite" --json >"$work/run.json"
small_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["result_set"])' "$work/run.json")
python3 "$here/multiply_samples.py" "$work/small.sqlite" "$small_id" "$target"

seconds() { python3 -c 'import sys; print(f"{(int(sys.argv[2]) - int(sys.argv[1])) / 1e9:.2f}")' "$@"; }
status=0
# Runs a command, prints its wall time against the 2 s target (or just the time with target "-").
timed() {
  local label=$1 limit=$2; shift 2
  local start end took
  start=$(date +%s%N)
  "$@" >"$work/out" 2>"$work/err" || { echo "$label: FAILED"; cat "$work/err" >&2; status=1; return; }
  end=$(date +%s%N)
  took=$(seconds "$start" "$end")
  if [ "$limit" = - ]; then
    printf '%-34s %6s s\n' "$label" "$took"
  elif python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)' "$took" "$limit"; then
    printf '%-34s %6s s  (target < %s s) PASS\n' "$label" "$took" "$limit"
  else
    printf '%-34s %6s s  (target < %s s) FAIL\n' "$label" "$took" "$limit"; status=1
  fi
}

timed "import (stores the analysis)" - "$showdown" import "$work/small.sqlite" --db "$work/big.sqlite"
id=$("$showdown" list --db "$work/big.sqlite" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["result_sets"][-1]["id"])')
samples=$("$showdown" list --db "$work/big.sqlite" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["result_sets"][-1]["samples"])')
echo "result set $id: $samples measured samples"
timed "showdown show $id" 2 "$showdown" show "$id" --db "$work/big.sqlite"
timed "showdown show $id --json" 2 "$showdown" show "$id" --json --db "$work/big.sqlite"
timed "showdown report $id --pdf" 2 "$showdown" report "$id" --pdf "$work/report.pdf" --db "$work/big.sqlite"
timed "window: open set $id" 2 "$opener" "$work/big.sqlite" "$id"
cat "$work/out"
exit $status
