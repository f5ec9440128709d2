#!/usr/bin/env python3
"""Sanity figures for the runtime matrix (issue 12): the same program on every runtime of its family.

    /usr/bin/python3 tests/perf/runtime_sanity.py [--runtime [KIND=]PATH ...] [--size N] [--wrk-seconds S]

- nbody at one size on every runtime, timed by the program itself (median of its measured iterations,
  after its warm-up iterations, which a JIT needs), with ratios against node and against cpython;
- /plaintext of the node-http server on every JavaScript runtime, started directly (ready line, then
  `wrk -t1 -c64 -d<S>s`), requests/s with the ratio against node.
Default runtimes: node, bun, deno, /usr/bin/python3 and pypy3, those that exist. Figures taken on a
loaded machine are not trustworthy: take the final ones on a quiet machine (the load average is printed).
"""
import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCHMARKS = os.path.join(ROOT, "resources", "benchmarks")
sys.path.insert(0, BENCHMARKS)
import runtimes as rt  # noqa: E402  (the checkers' runtime kinds: one place that knows how each starts)


def nbody_median_s(runtime, size, iterations, warmup):
    script = os.path.join(BENCHMARKS, runtime.family, "nbody." + ("js" if runtime.family == "node" else "py"))
    argv = runtime.argv(script) + ["--size", str(size), "--iterations", str(iterations), "--warmup", str(warmup)]
    out = subprocess.run(argv, capture_output=True, text=True, check=True, cwd=BENCHMARKS, timeout=600).stdout
    obj = json.loads(out)
    times = sorted(obj["iterations_ns"])
    return times[len(times) // 2] / 1e9, obj["runtime_info"]


def plaintext_rps(runtime, seconds):
    argv = runtime.argv(os.path.join(BENCHMARKS, "node", "server-http.js"))
    server = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                              cwd=BENCHMARKS, start_new_session=True, text=True)
    try:
        ready = json.loads(server.stdout.readline())
        wrk = subprocess.run(["wrk", "-t1", "-c64", f"-d{seconds}s", f"http://127.0.0.1:{ready['port']}/plaintext"],
                             capture_output=True, text=True, check=True, timeout=seconds + 30).stdout
        match = re.search(r"Requests/sec:\s*([0-9.]+)", wrk)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: .*", wrk)
        return float(match.group(1)), f"(port {ready['port']}) " + (errors.group(0) if errors else "")
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runtime", action="append", type=rt.parse_runtime, default=[], metavar="[KIND=]PATH")
    parser.add_argument("--size", type=int, default=100000, help="nbody steps (the standard suite's size)")
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--wrk-seconds", type=int, default=5)
    args = parser.parse_args()
    runtimes = args.runtime or [rt.parse_runtime(name) for name in ("node", "bun", "deno", "/usr/bin/python3", "pypy3")
                                if shutil.which(name)]
    print(f"load average at start: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")

    print(f"\nnbody --size {args.size} --iterations {args.iterations} --warmup {args.warmup}: median iteration")
    medians = {}
    for runtime in runtimes:
        seconds, info = nbody_median_s(runtime, args.size, args.iterations, args.warmup)
        medians[runtime.kind] = seconds
        print(f"  {runtime.kind:<8} {info['version']:<10} {seconds * 1000:9.1f} ms", flush=True)
    for base in ("node", "cpython"):
        if base in medians:
            family = rt.FAMILIES[base]
            for runtime in runtimes:
                if runtime.family == family and runtime.kind != base:
                    print(f"  {base}/{runtime.kind}: {medians[base] / medians[runtime.kind]:.2f}x "
                          f"({runtime.kind} {'faster' if medians[runtime.kind] < medians[base] else 'slower'})")

    if shutil.which("wrk"):
        print(f"\nnode-http /plaintext, wrk -t1 -c64 -d{args.wrk_seconds}s")
        rps = {}
        for runtime in (r for r in runtimes if r.family == "node"):
            rps[runtime.kind], errors = plaintext_rps(runtime, args.wrk_seconds)
            print(f"  {runtime.kind:<8} {rps[runtime.kind]:10.1f} req/s {errors}", flush=True)
        for kind, value in rps.items():
            if kind != "node" and "node" in rps:
                print(f"  {kind}/node: {value / rps['node']:.2f}x")
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
