#!/bin/bash
# Prints the window's responsiveness figures: the window's own CPU per second of a quick-suite run started from
# it and its GUI-thread stall (no clicking), the same benchmarks from the CLI with overlapping median intervals,
# the stall while clicking through pages during a run, and launch-to-first-paint on 1,000,000 samples. Uses Xvfb when there is no display.
# usage: tests/perf/gui_responsiveness.sh [build-dir]
set -euo pipefail
build=${1:-build}
bin="$build/bin/gui_responsiveness"
[ -x "$bin" ] || { echo "build first: cmake --build $build --target gui_responsiveness" >&2; exit 1; }
run() {
  if [ -n "${DISPLAY:-}" ]; then "$bin" "$@";
  elif command -v xvfb-run >/dev/null; then xvfb-run -a -s "-screen 0 1600x1000x24" "$bin" "$@";
  else QT_QPA_PLATFORM=offscreen "$bin" "$@"; fi
}
status=0
run cost || status=1
run stall || status=1
run startup --samples 1000000 || status=1
exit $status
