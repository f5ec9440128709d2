#!/usr/bin/env bash
# HTML report size and write time: `showdown report ID --html` for a result set, N times. Targets for a
# standard-suite set: under 2 MB and under 1 s to write.
#
# Usage: tests/perf/html_report.sh DB ID
#   REPEATS=5 writes; prints the file's size, the median of the whole process's wall time and the median of
#   the time the command itself reports for the file (reading the set, drawing and writing it; no start-up).
#   Take final figures on a quiet machine: other builds and runs make these times longer and noisier.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
showdown="$root/build/bin/showdown"
[ -x "$showdown" ] || { echo "$showdown is missing: run bash packaging/bootstrap.sh test first" >&2; exit 1; }
[ $# -eq 2 ] || { echo "usage: $0 DB ID" >&2; exit 2; }
db=$1
id=$2
repeats=${REPEATS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: >"$work/wall"
: >"$work/reported"
for _ in $(seq "$repeats"); do
  start=$(date +%s.%N)
  "$showdown" report "$id" --db "$db" --html "$work/report.html" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$start $end" | awk '{ printf "%.3f\n", $2 - $1 }' >>"$work/wall"
  # "Wrote FILE (N KiB) in T s"
  sed -n 's/^Wrote .* in \([0-9.]*\) s$/\1/p' "$work/err" >>"$work/reported"
done
/usr/bin/python3 - "$work/report.html" "$work/wall" "$work/reported" <<'PY'
import os, statistics, sys
html, wall, reported = sys.argv[1], [float(t) for t in open(sys.argv[2])], [float(t) for t in open(sys.argv[3])]
size = os.path.getsize(html)
charts = open(html, encoding="utf-8").read().count('<figure class="chart"')
median = statistics.median(reported)
print(f"size {size / 1e6:.2f} MB ({size} bytes, {charts} charts) -> {'within' if size < 2e6 else 'OVER'} the 2 MB target")
print(f"write (as reported: read, draw, write) median {median:.2f} s (min {min(reported):.2f}, max {max(reported):.2f}, n={len(reported)})"
      f" -> {'within' if median < 1 else 'OVER'} the 1 s target")
print(f"whole process (with start-up) median {statistics.median(wall):.2f} s (min {min(wall):.2f}, max {max(wall):.2f})")
PY
