#!/usr/bin/env python3
"""Writes each program benchmark's reference timing ("expected_s": mean wall seconds of one valid process) for one
suite into the manifest, from a result set stored by `showdown run`. The suite estimate uses it only on a database
with no earlier runs; take the run on a quiet machine.

    tests/perf/calibrate_estimates.py DB RESULT_SET_ID

The suite comes from the result set; server benchmarks are left alone (their time follows from their durations)."""
import json
import pathlib
import sqlite3
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from manifest_format import dump  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2] / "resources" / "benchmarks"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    row = db.execute("SELECT id, suite, status FROM result_sets WHERE id = ?", (sys.argv[2],)).fetchone()
    if row is None:
        sys.exit(f"no result set {sys.argv[2]} in {sys.argv[1]}")
    set_id, suite, status = row
    if status != "complete":
        sys.exit(f"result set {set_id} is {status}; calibrate from a complete run")
    timings = {(b, s): w / 1e9 for b, s, w in db.execute(
        "SELECT benchmark, size, AVG(wall_ns) FROM processes WHERE result_set_id = ? AND status = 'ok' AND wall_ns > 0"
        " GROUP BY benchmark, size", (set_id,))}
    files = [ROOT / "manifest.json", *sorted((ROOT / "manifest.d").glob("*.json"))]
    written = 0
    for path in files:
        manifest = json.loads(path.read_text())
        changed = False
        for benchmark in manifest["benchmarks"]:
            size = benchmark["sizes"].get(suite)
            if size is None or "servers" in benchmark:
                continue
            seconds = timings.get((benchmark["name"], size["size"]))
            if seconds is None:
                print(f"{benchmark['name']}: no valid process at size {size['size']} in set {set_id}; left as it was")
                continue
            size["expected_s"] = round(seconds, 3)
            changed = True
            written += 1
        if changed:
            path.write_text(dump(manifest))
    print(f"wrote expected_s for {written} benchmarks of the {suite} suite")


if __name__ == "__main__":
    main()
