#!/usr/bin/env bash
# Report export time: how long `showdown report ID --pdf` takes for a standard-suite result set (and the
# comparison report of that set against itself). Target: under 3 s for the full report.
#
# Usage: tests/perf/report_export.sh [DB [ID]]
#   With no DB it first runs the standard suite into a temporary database (about 10 minutes on 2 cores).
#   REPEATS=5 exports per report; the median and the range are printed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
showdown="$root/build/bin/showdown"
[ -x "$showdown" ] || { echo "$showdown is missing: run bash packaging/bootstrap.sh test first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=${1:-}
id=${2:-}
if [ -z "$db" ]; then
  db="$work/standard.sqlite"
  echo "running the standard suite into $db (about 10 minutes)..." >&2
  id=$("$showdown" run --suite standard --db "$db" --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["result_set"])')
fi
if [ -z "$id" ]; then
  id=$("$showdown" list --db "$db" --json | /usr/bin/python3 -c '
import json, sys
sets = [s for s in json.load(sys.stdin)["result_sets"] if s["suite"] == "standard"]
print(sets[-1]["id"] if sets else "")')
fi
[ -n "$id" ] || { echo "no standard-suite result set in $db" >&2; exit 1; }
repeats=${REPEATS:-5}

measure() {  # measure LABEL ARGS...: wall time of each export, in seconds
  local label=$1; shift
  : >"$work/$label.times"
  local TIMEFORMAT=%R
  for _ in $(seq "$repeats"); do
    { time "$showdown" report "$@" --db "$db" --pdf "$work/$label.pdf" 2>/dev/null; } 2>>"$work/$label.times"
  done
  /usr/bin/python3 - "$label" "$work/$label.times" "$work/$label.pdf" <<'PY'
import statistics, subprocess, sys
label, times, pdf = sys.argv[1], [float(t) for t in open(sys.argv[2])], sys.argv[3]
pages = next(l.split()[1] for l in subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout.splitlines() if l.startswith("Pages:"))
median = statistics.median(times)
print(f"{label:12} median {median:.2f} s (min {min(times):.2f}, max {max(times):.2f}, n={len(times)}), {pages} pages"
      f" -> {'within' if median < 3 else 'OVER'} the 3 s target")
PY
}
samples=$("$showdown" list --db "$db" --json | /usr/bin/python3 -c "import json,sys; print(next(s['samples'] for s in json.load(sys.stdin)['result_sets'] if s['id'] == $id))")
echo "result set $id of $db: $samples measured values; whole process, including start-up and reading the database"
measure report "$id"
measure comparison "$id" --vs "$id"
