"""Shared command line and output envelope for the Showdown Python benchmark programs.

    python3 <script> --size N --iterations K --warmup W [--workers N] [--variant NAME]

A benchmark calls run() with its name, a default size and a kernel. run() parses the
arguments, runs W warm-up and K measured iterations of the kernel (each timed with
time.perf_counter_ns()), and prints exactly one line of JSON on stdout.
A kernel that is a coroutine function (async def) is run with asyncio.run() once per
iteration; its time includes creating and closing that event loop.
Bad arguments (an unknown variant too): a message on stderr and exit status 2.
Iterations that disagree on the result: a message on stderr and exit status 1.
"""

import json
import os
import sys
import time

USAGE = "--size N --iterations K --warmup W [--workers N] [--variant NAME]"
OPTIONS = {
    "--size": "size",
    "--iterations": "iterations",
    "--warmup": "warmup",
    "--workers": "workers",
    "--variant": "variant",
}
# Options whose value is a name rather than a count.
TEXT_OPTIONS = {"variant"}
# inspect.CO_COROUTINE: read from the code object so that neither inspect nor asyncio is
# imported (adding to start-up time and peak RSS) by benchmarks whose kernel is synchronous.
CO_COROUTINE = 0x80


def usage_error(message):
    script = os.path.basename(sys.argv[0]) or "benchmark.py"
    sys.stderr.write(f"{script}: {message}\nusage: python3 {script} {USAGE}\n")
    sys.exit(2)


def parse_args(argv, default_size, min_size=1, max_size=None, variants=()):
    opts = {"size": default_size, "iterations": 1, "warmup": 0, "workers": None, "variant": None}
    i = 0
    while i < len(argv):
        flag = argv[i]
        value = None
        if flag.startswith("--") and "=" in flag:
            flag, value = flag.split("=", 1)
        key = OPTIONS.get(flag)
        if key is None:
            usage_error(f'unknown argument "{argv[i]}"')
        if value is None:
            if i + 1 >= len(argv):
                usage_error(f"{flag} needs a value")
            i += 1
            value = argv[i]
        if key in TEXT_OPTIONS:
            opts[key] = value
            i += 1
            continue
        if not (value.isascii() and value.isdigit()):
            usage_error(f'{flag} needs a non-negative integer, got "{value}"')
        opts[key] = int(value)
        i += 1
    size = opts["size"]
    if size < min_size or (max_size is not None and size > max_size):
        upper = max_size if max_size is not None else "any"
        usage_error(f"--size must be between {min_size} and {upper}, got {size}")
    if opts["iterations"] < 1:
        usage_error("--iterations must be at least 1")
    if opts["workers"] is not None and opts["workers"] < 1:
        usage_error("--workers must be at least 1")
    if not variants:
        if opts["variant"] is not None:
            usage_error(f'this benchmark has no variants, got --variant "{opts["variant"]}"')
    elif opts["variant"] is None:
        # Run by hand without --variant: the first listed variant is the default.
        opts["variant"] = variants[0]
    elif opts["variant"] not in variants:
        usage_error(f'unknown variant "{opts["variant"]}"; known variants: {", ".join(variants)}')
    return opts


def peak_rss_kb():
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if sys.platform == "darwin":  # bytes there, kilobytes on Linux
        peak //= 1024
    return peak


def require_library(module, debian_package):
    """Import an optional library, or exit 1 saying why this interpreter cannot load it and what provides it.

    Said from the import's own error: Debian's pypy3 finds CPython's packages on its path (numpy, uvloop)
    but cannot load their C extensions, so "not installed" would be wrong there.
    """
    import importlib

    try:
        return importlib.import_module(module)
    except Exception as e:  # not only ImportError: Debian's aiohttp raises TypeError on PyPy's Python 3.9
        script = os.path.basename(sys.argv[0]) or "benchmark.py"
        lines = [line.strip() for line in str(e).splitlines() if line.strip()]
        why = f"{type(e).__name__}: {lines[-1] if lines else e}"
        sys.stderr.write(f"{script}: the Python module '{module}' cannot be loaded by {sys.executable} "
                         f"({sys.implementation.name}, {why}); Debian's {debian_package} "
                         f"(apt-get install {debian_package}) serves /usr/bin/python3\n")
        sys.stderr.flush()
        sys.exit(1)


def runtime_info():
    """Which Python runs this program, asked of the interpreter itself (PROTOCOL.md, "runtime_info").

    kind is sys.implementation.name (cpython, pypy, graalpy); version is that implementation's own
    (PyPy 7.3.11 implements Python 3.9.16: python_version). gil_enabled is whether the GIL is on
    right now (sys._is_gil_enabled(), Python 3.13+; every earlier build and PyPy always has one);
    free_threaded is whether the build can run without it (3.13t: "t" in sys.abiflags), so one
    free-threaded interpreter started with PYTHON_GIL=0 and =1 reports two different states.
    """
    impl = sys.implementation
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
    return {
        "schema": 1,
        "family": "python",
        "kind": impl.name,
        "version": "%d.%d.%d" % tuple(impl.version[:3]),
        "python_version": sys.version.split()[0],
        "gil_enabled": bool(is_gil_enabled()) if is_gil_enabled is not None else True,
        "free_threaded": "t" in getattr(sys, "abiflags", ""),
    }


def run(name, kernel, default_size, setup=None, min_size=1, max_size=None, variants=(),
        takes_options=False, teardown=None):
    """Run a benchmark.

    kernel(input) -> str is timed. setup(size) -> input runs once, untimed (e.g.
    generating the text a regex benchmark searches); without it the kernel gets the size.
    variants: the names this program knows; the first is used when --variant is absent.
    takes_options: setup and kernel get the parsed options (a dict with size, iterations,
    warmup, workers and variant; None where not given) as a second argument.
    teardown(input) runs once after the last iteration, untimed (e.g. closing a pool).
    """
    opts = parse_args(sys.argv[1:], default_size, min_size, max_size, tuple(variants))
    extra_args = (opts,) if takes_options else ()
    data = setup(opts["size"], *extra_args) if setup is not None else opts["size"]
    is_async = bool(getattr(getattr(kernel, "__code__", None), "co_flags", 0) & CO_COROUTINE)
    if is_async:
        import asyncio
    warmup_ns = []
    iterations_ns = []
    result = None

    def time_one(into, label):
        nonlocal result
        start = time.perf_counter_ns()
        if is_async:
            value = asyncio.run(kernel(data, *extra_args))
        else:
            value = kernel(data, *extra_args)
        end = time.perf_counter_ns()
        into.append(end - start)
        if not isinstance(value, str):
            sys.stderr.write(f"{name}: kernel returned {type(value).__name__}, not a string\n")
            sys.exit(1)
        if result is not None and value != result:
            sys.stderr.write(
                f'{name}: {label} gave result "{value}", an earlier iteration gave "{result}"\n'
            )
            sys.exit(1)
        result = value

    for i in range(opts["warmup"]):
        time_one(warmup_ns, f"warm-up iteration {i + 1}")
    for i in range(opts["iterations"]):
        time_one(iterations_ns, f"iteration {i + 1}")
    if teardown is not None:
        teardown(data)

    extra = {"implementation": sys.implementation.name, "size": opts["size"]}
    if opts["workers"] is not None:
        extra["workers"] = opts["workers"]
    if opts["variant"] is not None:
        extra["variant"] = opts["variant"]
    line = json.dumps(
        {
            "protocol": 1,
            "benchmark": name,
            "runtime": "python",
            "version": sys.version.split()[0],
            "runtime_info": runtime_info(),
            "warmup_ns": warmup_ns,
            "iterations_ns": iterations_ns,
            "result": result,
            "peak_rss_kb": peak_rss_kb(),
            "extra": extra,
        },
        separators=(",", ":"),
    )
    sys.stdout.write(line + "\n")
    sys.stdout.flush()
