#!/usr/bin/env python3
"""Check the benchmark programs against the manifest (manifest.json and manifest.d/*.json).

For every measured benchmark (measure "iterations" or "process"), run its JavaScript program on
every JavaScript runtime given and its Python program on every Python runtime given (--runtime,
repeatable; default node and /usr/bin/python3) with the chosen suite's size (--iterations 1
--warmup 0, unless --as-suite), once per variant (--variant NAME) and per worker count
(--workers N) the manifest lists, check that stdout is exactly one JSON object with the protocol
fields (extra.variant / extra.workers when given, runtime_info naming the runtime that ran it), and
that its result equals the manifest's checksum. A variant whose "requires" the runtime cannot
import is skipped, with the reason; one the manifest marks "unsupported" on that runtime kind is
skipped with the manifest's reason (--try-unsupported runs it anyway, to confirm the record: a run
that now succeeds is a failure, so the record is removed). The last table is program x runtime:
ok, WRONG (a result other than the checksum), FAIL (cannot run: the reason follows), lib (a library
missing), unsup (recorded unsupported). Server entries
(measure http, idle, chat) are listed as not checked here. Print a table of times, the
speed-up over 1 worker for benchmarks with worker counts, and an estimate of the suite's
duration (runs x (warm-up + measured iterations), extrapolated from this one process).
Exit status 1 on any mismatch or protocol error, 2 on bad arguments.

    /usr/bin/python3 resources/benchmarks/check_checksums.py [--suite quick|standard|full]
        [--only NAME[,NAME...]] [--runtime [KIND=]PATH ...] [--node PATH] [--python PATH] [--as-suite]
        [--try-unsupported]
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import time

import runtimes as rt

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "manifest.json")
MANIFEST_DIR = os.path.join(HERE, "manifest.d")
SUITES = ("quick", "standard", "full")
CATEGORIES = {"cpu", "library", "startup", "memory", "scaling", "io", "realtime"}
MEASURES = {"iterations", "process"}
SERVER_MEASURES = {"http", "idle", "chat"}
RUNTIMES = ("node", "python")
# What dominates a benchmark's time (PROTOCOL.md); Showdown's Catalog accepts exactly these.
BOUNDS = {"code", "library", "startup", "io"}


def read_json(path, problems):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        problems.append(f"{os.path.relpath(path, HERE)}: {e}")
        return None


def check_variants(name, variants, problems):
    if not isinstance(variants, list) or not variants:
        problems.append(f"{name}: variants must be a non-empty list")
        return
    seen = set()
    for v in variants:
        if not isinstance(v, dict):
            problems.append(f"{name}: a variant is not an object")
            continue
        vname = v.get("name")
        if not isinstance(vname, str) or not vname:
            problems.append(f"{name}: a variant has no name")
        elif (v.get("runtime"), vname) in seen:
            problems.append(f"{name}: variant {vname!r} listed twice for {v.get('runtime')}")
        seen.add((v.get("runtime"), vname))
        if v.get("runtime") not in RUNTIMES:
            problems.append(f"{name}/{vname}: runtime must be one of {', '.join(RUNTIMES)}")
        if not isinstance(v.get("description"), str) or not v.get("description"):
            problems.append(f"{name}/{vname}: missing description")
        if "bound" in v and v["bound"] not in BOUNDS:
            problems.append(f"{name}/{vname}: unknown bound {v['bound']!r}")
        if v.get("runtime") in RUNTIMES:
            rt.check_unsupported(v, v["runtime"], f"{name}/{vname}", problems)
        requires = v.get("requires", [])
        if not isinstance(requires, list) or not all(isinstance(r, str) and r for r in requires):
            problems.append(f"{name}/{vname}: requires must be a list of library names")
    for runtime in RUNTIMES:
        if not any(isinstance(v, dict) and v.get("runtime") == runtime for v in variants):
            problems.append(f"{name}: no variant for {runtime}")


def check_benchmark(b, problems):
    name = b.get("name", "?")
    for key in ("name", "title", "category", "description", "claims", "bound", "notes", "measure", "timeout_s",
                "node", "python", "sizes"):
        if key not in b:
            problems.append(f"{name}: missing {key!r}")
    if b.get("category") not in CATEGORIES:
        problems.append(f"{name}: unknown category {b.get('category')!r}")
    if "bound" in b and b["bound"] not in BOUNDS:
        problems.append(f"{name}: unknown bound {b['bound']!r}; one of {', '.join(sorted(BOUNDS))}")
    if b.get("measure") not in MEASURES:
        problems.append(f"{name}: unknown measure {b.get('measure')!r}")
    for runtime in RUNTIMES:
        path = b.get(runtime)
        if path and not os.path.isfile(os.path.join(HERE, path)):
            problems.append(f"{name}: {runtime} program {path} not found")
    if "variants" in b:
        check_variants(name, b["variants"], problems)
        if "unsupported" in b:
            problems.append(f"{name}: with variants, \"unsupported\" belongs on each variant")
    elif isinstance(b.get("unsupported"), dict):
        # A benchmark without variants has one program per family: its kinds may be of either.
        for family in RUNTIMES:
            part = {k: v for k, v in b["unsupported"].items() if rt.FAMILIES.get(k) == family}
            if part:
                rt.check_unsupported({"unsupported": part}, family, name, problems)
        for kind in sorted(set(b["unsupported"]) - set(rt.FAMILIES)):
            problems.append(f"{name}: unsupported names {kind!r}, not a runtime kind ({', '.join(rt.KINDS)})")
    elif "unsupported" in b:
        problems.append(f"{name}: unsupported must be an object of runtime kind -> reason")
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
        workers = s.get("workers")
        if workers is not None and (not isinstance(workers, list) or not workers
                                    or not all(isinstance(w, int) and w >= 1 for w in workers)):
            problems.append(f"{name}/{suite}: workers must be a non-empty list of counts >= 1")


def load_manifest():
    """Return (manifest.json, measured benchmarks from every file, server names, problems)."""
    problems = []
    manifest = read_json(MANIFEST, problems) or {}
    if manifest.get("protocol") != 1:
        problems.append("manifest: protocol must be 1")
    for suite in SUITES:
        if suite not in manifest.get("suites", {}):
            problems.append(f"manifest: suite {suite!r} missing")
    entries = list(manifest.get("benchmarks", []))
    for path in sorted(glob.glob(os.path.join(MANIFEST_DIR, "*.json"))):
        part = read_json(path, problems)
        if part is None:
            continue
        if not isinstance(part.get("benchmarks"), list):
            problems.append(f"{os.path.relpath(path, HERE)}: no 'benchmarks' list")
            continue
        entries += part["benchmarks"]
    seen = set()
    measured = []
    servers = []
    for b in entries:
        name = b.get("name", "?")
        if name in seen:
            problems.append(f"{name}: listed twice")
        seen.add(name)
        if b.get("measure") in SERVER_MEASURES:
            servers.append(name)  # another checker's business: they need a load generator
            continue
        check_benchmark(b, problems)
        measured.append(b)
    return manifest, measured, servers, problems


def check_runtime_info(obj, runtime):
    """Problems with the envelope's runtime_info (PROTOCOL.md): it must name the runtime that ran it."""
    info = obj.get("runtime_info")
    if not isinstance(info, dict):
        return ["runtime_info missing"]
    problems = []
    family = "javascript" if runtime.family == "node" else "python"
    for key, value in (("schema", 1), ("family", family), ("kind", runtime.kind)):
        if info.get(key) != value:
            problems.append(f"runtime_info.{key} is {info.get(key)!r}, expected {value!r}")
    if not isinstance(info.get("version"), str) or not info.get("version"):
        problems.append("runtime_info.version missing")
    if runtime.family == "python":
        for key in ("gil_enabled", "free_threaded"):
            if not isinstance(info.get(key), bool):
                problems.append(f"runtime_info.{key} is not true or false")
        if info.get("python_version") != obj.get("version"):
            problems.append(f"runtime_info.python_version {info.get('python_version')!r} != version {obj.get('version')!r}")
    elif runtime.kind != "node" and obj.get("version") != info.get("version"):
        problems.append(f"version {obj.get('version')!r} is not the {runtime.kind} version {info.get('version')!r}")
    return problems


def check_output(stdout, name, runtime, measure, iterations, warmup, variant=None, workers=None):
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
    problems = check_runtime_info(obj, runtime)
    expect = {"protocol": 1, "benchmark": name, "runtime": runtime.family}
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
    else:
        if runtime.family == "python" and not isinstance(obj["extra"].get("implementation"), str):
            problems.append("extra.implementation missing")
        if measure == "iterations":
            for key, value in (("variant", variant), ("workers", workers)):
                if value is not None and obj["extra"].get(key) != value:
                    problems.append(f"extra.{key} is {obj['extra'].get(key)!r}, expected {value!r}")
    return obj, problems


def run_one(bench, suite, runtime, as_suite, variant=None, workers=None):
    sizes = bench["sizes"][suite]
    measure = bench["measure"]
    if measure == "process" or not as_suite:
        iterations, warmup = (0, 0) if measure == "process" else (1, 0)
    else:
        iterations, warmup = sizes["iterations"], sizes["warmup"]
    argv = runtime.argv(os.path.join(HERE, bench[runtime.family])) + [
        "--size", str(sizes["size"]), "--iterations", str(iterations), "--warmup", str(warmup)]
    if workers is not None:
        argv += ["--workers", str(workers)]
    if variant is not None:
        argv += ["--variant", variant]
    start = time.perf_counter()
    try:
        # The benchmarks folder as working directory, as the harness starts programs (PROTOCOL.md).
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=bench["timeout_s"], cwd=HERE)
    except subprocess.TimeoutExpired:
        return {"wall": time.perf_counter() - start, "problems": [f"timed out after {bench['timeout_s']} s"]}
    wall = time.perf_counter() - start
    info = {"wall": wall, "problems": [], "iter_s": None, "result": None, "rss_kb": None, "wrong": False}
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-3:]
        info["problems"].append(f"exit status {proc.returncode}: {' | '.join(tail)}")
        return info
    obj, problems = check_output(proc.stdout, bench["name"], runtime, measure, iterations, warmup,
                                 variant, workers)
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
        info["wrong"] = True
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


def jobs_for(bench, suite, runtimes):
    """(runtime, variant name or None, requires, unsupported reason or None, workers or None) for every
    program run: each runtime runs its family's programs."""
    workers = bench["sizes"][suite].get("workers") or [None]
    if "variants" in bench:
        kinds = [(v["runtime"], v["name"], v.get("requires", []), v) for v in bench["variants"]]
    else:
        kinds = [(family, None, [], bench) for family in RUNTIMES]
    return [(runtime, variant, requires, rt.unsupported_reason(entry, runtime.kind), w)
            for runtime in runtimes for family, variant, requires, entry in kinds if family == runtime.family
            for w in workers]


def print_speedups(bench, rows):
    """Speed-up over 1 worker per runtime and variant, from the median iteration times."""
    by_kind = {}
    for (runtime, variant, workers), info in rows.items():
        by_kind.setdefault((runtime.kind, variant), {})[workers] = info.get("iter_s")
    for (runtime, variant), times in by_kind.items():
        base = times.get(1)
        label = f"{runtime}/{variant}" if variant else runtime
        if not base:
            print(f"    speed-up {label}: no 1-worker time to compare with")
            continue
        parts = [f"{w} workers {base / t:.2f}x" for w, t in sorted(times.items()) if w != 1 and t]
        print(f"    speed-up {label} over 1 worker: {', '.join(parts) or '-'}")


STATUS_ORDER = ("FAIL", "WRONG", "unsup", "lib", "ok")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--suite", choices=SUITES, default="quick")
    parser.add_argument("--only", help="comma-separated benchmark names")
    rt.add_arguments(parser)
    parser.add_argument("--as-suite", action="store_true",
                        help="run each program once with the suite's iterations and warm-up instead of 1 and 0")
    parser.add_argument("--try-unsupported", action="store_true",
                        help="run programs the manifest marks unsupported on a runtime too: each must still fail")
    args = parser.parse_args()
    runtimes = rt.chosen(args)

    _, benches, servers, problems = load_manifest()
    for p in problems:
        print(f"MANIFEST: {p}")
    if args.only:
        wanted = set(args.only.split(","))
        unknown = wanted - {b.get("name") for b in benches}
        if unknown:
            parser.error(f"unknown measured benchmark(s): {', '.join(sorted(unknown))}")
        benches = [b for b in benches if b["name"] in wanted]
    # An entry the manifest check rejected cannot be run meaningfully; it already counts as a problem.
    benches = [b for b in benches if args.suite in b.get("sizes", {}) and b.get("node") and b.get("python")]

    header = (f"{'benchmark':<15} {'size':>9} | {'program':<24} {'workers':>7} | "
              f"{'wall':>10} {'iter':>10} {'est':>9} | status")
    print(f"suite {args.suite}: " + ", ".join(f"{r.label} = {r.path}" for r in runtimes))
    print(header)
    print("-" * len(header))
    failures = 0
    skipped = 0
    unsupported = 0
    runs = 0
    total_estimate = 0.0
    library_cache = {}
    matrix = {}
    for bench in benches:
        sizes = bench["sizes"][args.suite]
        rows = {}
        for runtime, variant, requires, reason, workers in jobs_for(bench, args.suite, runtimes):
            label = f"{runtime.label}/{variant}" if variant else runtime.label
            cells = matrix.setdefault(f"{bench['name']}/{variant}" if variant else bench["name"], {})
            statuses = cells.setdefault(runtime.label, [])
            workers_cell = "-" if workers is None else str(workers)
            prefix = f"{bench['name']:<15} {sizes['size']:>9} | {label:<24} {workers_cell:>7} |"
            missing = rt.missing_libraries(runtime, requires, library_cache)
            if missing:
                skipped += 1
                statuses.append("lib")
                why = "; ".join(f"{n} cannot be loaded by {runtime.path} ({reason})" for n, reason in missing.items())
                print(f"{prefix} {'':>10} {'':>10} {'':>9} | SKIP: {why}", flush=True)
                continue
            if reason and not args.try_unsupported:
                unsupported += 1
                statuses.append("unsup")
                print(f"{prefix} {'':>10} {'':>10} {'':>9} | SKIP (unsupported on {runtime.kind}): {reason}", flush=True)
                continue
            info = run_one(bench, args.suite, runtime, args.as_suite, variant, workers)
            runs += 1
            rows[(runtime, variant, workers)] = info
            est = info.get("estimate")
            if est is not None:
                total_estimate += est
            status = f"ok {sizes['checksum']}"
            if reason:
                # Recorded as unsupported: it must still fail, or the record is out of date.
                if info["problems"]:
                    status = f"fails as recorded (unsupported on {runtime.kind}: {reason})"
                    statuses.append("unsup")
                else:
                    status = f"FAIL: runs on {runtime.kind} now; remove its \"unsupported\" entry"
                    failures += 1
                    statuses.append("FAIL")
            elif info["problems"]:
                status = "WRONG" if info["wrong"] else "FAIL"
                statuses.append(status)
                failures += 1
            else:
                statuses.append("ok")
            print(f"{prefix} {fmt_time(info['wall']):>10} {fmt_time(info.get('iter_s')):>10} "
                  f"{fmt_time(est):>9} | {status}", flush=True)
            for e in info["problems"]:
                print(f"    {e}")
        if sizes.get("workers"):
            print_speedups(bench, rows)
    print("-" * len(header))
    # A program's cell is the worst of its runs (one per worker count).
    worst = {program: {label: min(statuses, key=STATUS_ORDER.index) for label, statuses in cells.items() if statuses}
             for program, cells in matrix.items()}
    rt.print_matrix("program", worst, runtimes,
                    "ok: the checksum; WRONG: another result; FAIL: cannot run (reason above); lib: a library the "
                    "runtime cannot load; unsup: recorded unsupported in the manifest (reason above); blank: not its family")
    if servers:
        print(f"not checked here (servers, need the load generator): {', '.join(servers)}")
    print(f"estimated {args.suite} suite duration (runs x (warm-up + iterations), every program listed): "
          f"{total_estimate:.0f} s = {total_estimate / 60:.1f} min")
    if problems or failures:
        print(f"FAILED: {failures} program run(s), {len(problems)} manifest problem(s)")
        return 1
    skip_note = f", {skipped} skipped for missing libraries" if skipped else ""
    skip_note += f", {unsupported} skipped as recorded unsupported" if unsupported else ""
    print(f"all {runs} program runs of {len(benches)} benchmarks match the manifest{skip_note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
