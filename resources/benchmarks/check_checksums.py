#!/usr/bin/env python3
"""Check the benchmark programs against manifest.json.

For every benchmark in the manifest, run the Node.js and the Python program with the
chosen suite's size (--iterations 1 --warmup 0, unless --as-suite), check that stdout is
exactly one JSON object with the protocol fields, and that its result equals the
manifest's checksum. Print a table of times and an estimate of the suite's duration
(runs x (warm-up + measured iterations), extrapolated from this one process).
Exit status 1 on any mismatch or protocol error, 2 on bad arguments.

    /usr/bin/python3 resources/benchmarks/check_checksums.py [--suite quick|standard|full]
        [--only NAME[,NAME...]] [--node PATH] [--python PATH] [--as-suite]
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "manifest.json")
SUITES = ("quick", "standard", "full")
CATEGORIES = {"cpu", "library", "startup", "memory", "scaling", "io", "realtime"}
MEASURES = {"iterations", "process"}


def load_manifest():
    with open(MANIFEST, encoding="utf-8") as f:
        manifest = json.load(f)
    problems = []
    if manifest.get("protocol") != 1:
        problems.append("manifest: protocol must be 1")
    for suite in SUITES:
        if suite not in manifest.get("suites", {}):
            problems.append(f"manifest: suite {suite!r} missing")
    seen = set()
    for b in manifest.get("benchmarks", []):
        name = b.get("name", "?")
        if name in seen:
            problems.append(f"{name}: listed twice")
        seen.add(name)
        for key in ("name", "title", "category", "description", "claims", "measure", "timeout_s",
                    "node", "python", "sizes"):
            if key not in b:
                problems.append(f"{name}: missing {key!r}")
        if b.get("category") not in CATEGORIES:
            problems.append(f"{name}: unknown category {b.get('category')!r}")
        if b.get("measure") not in MEASURES:
            problems.append(f"{name}: unknown measure {b.get('measure')!r}")
        for runtime in ("node", "python"):
            path = b.get(runtime)
            if path and not os.path.isfile(os.path.join(HERE, path)):
                problems.append(f"{name}: {runtime} program {path} not found")
        for suite in SUITES:
            s = b.get("sizes", {}).get(suite)
            if s is None:
                problems.append(f"{name}: no sizes for suite {suite!r}")
                continue
            for key in ("size", "runs", "iterations", "warmup", "checksum"):
                if key not in s:
                    problems.append(f"{name}/{suite}: missing {key!r}")
            if not isinstance(s.get("checksum"), str):
                problems.append(f"{name}/{suite}: checksum must be a string")
    return manifest, problems


def check_output(stdout, name, runtime, measure, iterations, warmup):
    """Return (parsed object, list of problems)."""
    lines = stdout.splitlines()
    if len(lines) != 1:
        return None, [f"stdout has {len(lines)} lines, expected exactly 1"]
    try:
        obj = json.loads(lines[0])
    except ValueError as e:
        return None, [f"stdout is not JSON: {e}"]
    if not isinstance(obj, dict):
        return None, ["stdout is not a JSON object"]
    problems = []
    expect = {"protocol": 1, "benchmark": name, "runtime": runtime}
    for key, value in expect.items():
        if obj.get(key) != value:
            problems.append(f"{key} is {obj.get(key)!r}, expected {value!r}")
    if not isinstance(obj.get("version"), str) or not obj.get("version"):
        problems.append("version missing")
    for key, count in (("warmup_ns", warmup), ("iterations_ns", iterations)):
        values = obj.get(key)
        if not isinstance(values, list) or not all(isinstance(v, int) and v >= 0 for v in values):
            problems.append(f"{key} is not a list of non-negative integers")
        elif len(values) != count:
            problems.append(f"{key} has {len(values)} values, expected {count}")
    if not isinstance(obj.get("result"), str):
        problems.append("result is not a string")
    if measure == "iterations" and not (isinstance(obj.get("peak_rss_kb"), int) and obj["peak_rss_kb"] > 0):
        problems.append("peak_rss_kb missing")
    if not isinstance(obj.get("extra"), dict):
        problems.append("extra is not an object")
    elif runtime == "python" and not isinstance(obj["extra"].get("implementation"), str):
        problems.append("extra.implementation missing")
    return obj, problems


def run_one(bench, suite, runtime, executable, as_suite):
    sizes = bench["sizes"][suite]
    measure = bench["measure"]
    if measure == "process" or not as_suite:
        iterations, warmup = (0, 0) if measure == "process" else (1, 0)
    else:
        iterations, warmup = sizes["iterations"], sizes["warmup"]
    argv = [executable, os.path.join(HERE, bench[runtime]), "--size", str(sizes["size"]),
            "--iterations", str(iterations), "--warmup", str(warmup)]
    start = time.perf_counter()
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=bench["timeout_s"], cwd="/")
    except subprocess.TimeoutExpired:
        return {"wall": time.perf_counter() - start, "problems": [f"timed out after {bench['timeout_s']} s"]}
    wall = time.perf_counter() - start
    info = {"wall": wall, "problems": [], "iter_s": None, "result": None, "rss_kb": None}
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-3:]
        info["problems"].append(f"exit status {proc.returncode}: {' | '.join(tail)}")
        return info
    obj, problems = check_output(proc.stdout, bench["name"], runtime, measure, iterations, warmup)
    info["problems"] += problems
    if obj is None:
        return info
    info["result"] = obj.get("result")
    info["rss_kb"] = obj.get("peak_rss_kb")
    its = obj.get("iterations_ns") or []
    if its:
        info["iter_s"] = sorted(its)[len(its) // 2] / 1e9
    if info["result"] != sizes["checksum"]:
        info["problems"].append(f"result {info['result']!r} != manifest checksum {sizes['checksum']!r}")
    # Estimated time of this benchmark in the suite: runs fresh processes, each doing
    # warm-up + measured iterations (extrapolated from this process's figures).
    per_process = wall
    if measure == "iterations" and info["iter_s"] is not None:
        done = iterations + warmup
        per_process = wall + (sizes["iterations"] + sizes["warmup"] - done) * info["iter_s"]
    info["estimate"] = sizes["runs"] * per_process
    return info


def fmt_time(seconds):
    if seconds is None:
        return "-"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suite", choices=SUITES, default="quick")
    parser.add_argument("--only", help="comma-separated benchmark names")
    parser.add_argument("--node", default="node")
    parser.add_argument("--python", default="/usr/bin/python3")
    parser.add_argument("--as-suite", action="store_true",
                        help="run each program once with the suite's iterations and warm-up instead of 1 and 0")
    args = parser.parse_args()

    manifest, problems = load_manifest()
    for p in problems:
        print(f"MANIFEST: {p}")
    benches = manifest["benchmarks"]
    if args.only:
        wanted = set(args.only.split(","))
        unknown = wanted - {b["name"] for b in benches}
        if unknown:
            parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
        benches = [b for b in benches if b["name"] in wanted]

    runtimes = (("node", args.node), ("python", args.python))
    header = (f"{'benchmark':<15} {'size':>9} | {'node wall':>10} {'node iter':>10} {'node est':>9} | "
              f"{'py wall':>10} {'py iter':>10} {'py est':>9} | status")
    print(f"suite {args.suite}: node = {args.node}, python = {args.python}")
    print(header)
    print("-" * len(header))
    failures = 0
    total_estimate = 0.0
    for bench in benches:
        sizes = bench["sizes"][args.suite]
        infos = {rt: run_one(bench, args.suite, rt, exe, args.as_suite) for rt, exe in runtimes}
        status = "ok"
        errors = [f"{rt}: {p}" for rt, info in infos.items() for p in info["problems"]]
        if errors:
            status = "FAIL"
            failures += 1
        cells = []
        for rt, _ in runtimes:
            info = infos[rt]
            est = info.get("estimate")
            if est is not None:
                total_estimate += est
            cells.append(f"{fmt_time(info['wall']):>10} {fmt_time(info.get('iter_s')):>10} {fmt_time(est):>9}")
        print(f"{bench['name']:<15} {sizes['size']:>9} | {cells[0]} | {cells[1]} | {status} {sizes['checksum']}",
              flush=True)
        for e in errors:
            print(f"    {e}")
    print("-" * len(header))
    print(f"estimated {args.suite} suite duration (both runtimes, runs x (warm-up + iterations)): "
          f"{total_estimate:.0f} s = {total_estimate / 60:.1f} min")
    if problems or failures:
        print(f"FAILED: {failures} benchmark(s), {len(problems)} manifest problem(s)")
        return 1
    print(f"all {len(benches)} benchmarks match the manifest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
