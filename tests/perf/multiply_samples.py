#!/usr/bin/env python3
"""Grows a result set that `showdown run` measured into one of TARGET measured values, for scale tests.

usage: multiply_samples.py DATABASE RESULT_SET_ID TARGET

Each valid process's measured iterations (samples.phase = 1) are copied, with new indexes and a deterministic
jitter of at most +-1%, until the set holds TARGET measured values; processes keep their order, status and
runtime, so the set stays one Showdown reads and analyses like any other. The set's stored analysis (of the
small set) is deleted: it no longer describes the set, and the next write path (e.g. `showdown import`)
computes the new one.
"""
import sqlite3
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    path, set_id, target = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    db = sqlite3.connect(path)
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    if application_id != 0x53484457:
        sys.exit(f"{path} is not a Showdown database")
    count = lambda: db.execute(
        "SELECT count(*) FROM samples s JOIN processes p ON p.id = s.process_id"
        " WHERE p.result_set_id = ? AND s.phase = 1 AND p.status = 'ok'", (set_id,)).fetchone()[0]
    have = count()
    if have == 0:
        sys.exit(f"result set {set_id} has no valid measured iterations to copy")
    # One copy round per pass: every valid process gets its original iterations again, shifted past its
    # current last index, until the target is reached (the last round is cut short with LIMIT).
    originals = db.execute(
        "SELECT s.process_id, s.idx, s.ns FROM samples s JOIN processes p ON p.id = s.process_id"
        " WHERE p.result_set_id = ? AND s.phase = 1 AND p.status = 'ok' ORDER BY s.process_id, s.idx", (set_id,)).fetchall()
    next_index = dict(db.execute(
        "SELECT s.process_id, max(s.idx) + 1 FROM samples s JOIN processes p ON p.id = s.process_id"
        " WHERE p.result_set_id = ? AND s.phase = 1 GROUP BY s.process_id", (set_id,)).fetchall())
    round_ = 0
    with db:
        while have < target:
            round_ += 1
            rows = []
            for process_id, idx, ns in originals:
                if have + len(rows) >= target:
                    break
                jitter = ((round_ * 7919 + idx * 104729) % 201 - 100) / 10000.0  # -1% .. +1%, deterministic
                rows.append((process_id, 1, next_index[process_id], max(1, int(ns * (1 + jitter)))))
                next_index[process_id] += 1
            db.executemany("INSERT INTO samples (process_id, phase, idx, ns) VALUES (?, ?, ?, ?)", rows)
            have += len(rows)
        db.execute("DELETE FROM analyses WHERE result_set_id = ?", (set_id,))
    print(f"result set {set_id} now holds {count()} measured values")


if __name__ == "__main__":
    main()
