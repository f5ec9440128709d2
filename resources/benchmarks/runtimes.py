"""The runtimes the checkers run programs on (check_checksums.py, check_servers.py): one place that
knows each runtime kind's family, how it is named on the command line and how it starts a program.

    --runtime PATH          the kind from the executable's name: node, bun, deno, pypy*, python*
    --runtime KIND=PATH     explicit: node, bun, deno, cpython, pypy

The manifest names a program's family ("node" for every JavaScript runtime, "python" for every Python
one, PROTOCOL.md); a runtime runs the programs of its family. Deno starts a program with `deno run -A`
(every permission, as node and bun run with), Bun with `bun --no-install` (no fetching of missing
packages), the others with `<runtime> <script>`.
"""
import argparse
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# kind -> the manifest's family name for the programs it runs.
FAMILIES = {"node": "node", "bun": "node", "deno": "node", "cpython": "python", "pypy": "python"}
KINDS = tuple(FAMILIES)


class Runtime:
    """One executable of one kind."""

    def __init__(self, kind, path):
        self.kind = kind
        self.path = path
        self.family = FAMILIES[kind]
        self.label = kind  # chosen() tells two runtimes of one kind apart

    def argv(self, script):
        """The command line that runs script (arguments follow it)."""
        if self.kind == "deno":
            return [self.path, "run", "-A", script]
        if self.kind == "bun":
            # Without node_modules Bun would fetch a missing package from the registry by itself:
            # a missing library must be reported (PROTOCOL.md), not installed behind the run's back.
            return [self.path, "--no-install", script]
        return [self.path, script]

    def __repr__(self):
        return f"{self.kind}={self.path}"


def kind_from_name(path):
    """The kind an executable's file name says, or None (pypy3 -> pypy, python3.12 -> cpython)."""
    name = os.path.basename(path).lower()
    for prefix, kind in (("node", "node"), ("bun", "bun"), ("deno", "deno"), ("pypy", "pypy"),
                         ("python", "cpython")):
        if name.startswith(prefix):
            return kind
    return None


def parse_runtime(text):
    """argparse type for --runtime: PATH or KIND=PATH, the executable resolved on PATH."""
    kind, sep, path = text.partition("=")
    if not sep:
        kind, path = None, text
    elif kind not in FAMILIES:
        raise argparse.ArgumentTypeError(f"unknown runtime kind {kind!r} in {text!r}; one of {', '.join(KINDS)}")
    resolved = shutil.which(path)
    if resolved is None:
        raise argparse.ArgumentTypeError(f"no executable {path!r} (give a path, or a name on PATH)")
    kind = kind or kind_from_name(path) or kind_from_name(os.path.realpath(resolved))
    if kind is None:
        raise argparse.ArgumentTypeError(
            f"cannot tell the kind of {path!r} from its name; write KIND=PATH with KIND one of {', '.join(KINDS)}")
    return Runtime(kind, os.path.abspath(resolved) if os.sep in path else path)


def add_arguments(parser):
    """--runtime (repeatable) plus the older --node / --python, which name one runtime per family."""
    parser.add_argument("--runtime", action="append", type=parse_runtime, default=[], metavar="[KIND=]PATH",
                        help=f"a runtime to run its family's programs on (repeatable); KIND one of {', '.join(KINDS)}; "
                             "without any --runtime: --node and --python")
    parser.add_argument("--node", default="node", help="the node runtime when no --runtime is given")
    parser.add_argument("--python", default="/usr/bin/python3", help="the Python runtime when no --runtime is given")


def chosen(args):
    """The runtimes the arguments name, in order."""
    runtimes = list(args.runtime) or [Runtime("node", args.node),
                                      Runtime(kind_from_name(args.python) or "cpython", args.python)]
    kinds = [r.kind for r in runtimes]
    for r in runtimes:
        if kinds.count(r.kind) > 1:
            r.label = f"{r.kind}:{r.path}"
    return runtimes


def unsupported_reason(entry, kind):
    """The manifest's reason why a program (a variant or a server entry) cannot run on kind, or None.
    PROTOCOL.md: "unsupported": {KIND: REASON}, found by trying and recorded so the harness skips it."""
    return (entry.get("unsupported") or {}).get(kind)


def check_unsupported(entry, family, label, problems):
    """Refuse an "unsupported" map that is not {kind of this family: non-empty reason}."""
    value = entry.get("unsupported")
    if value is None:
        return
    if not isinstance(value, dict) or not value:
        problems.append(f"{label}: unsupported must be an object of runtime kind -> reason")
        return
    for kind, reason in value.items():
        if FAMILIES.get(kind) != family:
            problems.append(f"{label}: unsupported names {kind!r}, not a runtime kind of the {family} family "
                            f"({', '.join(k for k in KINDS if FAMILIES[k] == family)})")
        if not isinstance(reason, str) or not reason.strip():
            problems.append(f"{label}: unsupported[{kind!r}] needs the reason, found by trying")


JS_RESOLVE = "process.stdout.write(require.resolve(process.argv[2], { paths: [process.argv[3]] }));\n"
_PROBE_DIR = []


def js_probe():
    """A CommonJS script (its folder's package.json says so, for Deno) that prints where a package resolves."""
    if not _PROBE_DIR:
        _PROBE_DIR.append(tempfile.TemporaryDirectory(prefix="showdown-probe-"))
        with open(os.path.join(_PROBE_DIR[0].name, "package.json"), "w", encoding="utf-8") as f:
            f.write('{"type": "commonjs"}\n')
        with open(os.path.join(_PROBE_DIR[0].name, "resolve.js"), "w", encoding="utf-8") as f:
            f.write(JS_RESOLVE)
    return os.path.join(_PROBE_DIR[0].name, "resolve.js")


def library_status(runtime, lib, cache):
    """(loaded, detail) for one library on one runtime, found by trying: Python imports it (not only
    finds it: Debian's pypy3 has CPython's dist-packages on its path, where it finds numpy but cannot
    load its C extension), JavaScript resolves it from the programs' folder. detail: why it failed
    (the last line of the error), or for JavaScript where it resolved ("ws" alone: built into Bun)."""
    key = (runtime.kind, runtime.path, lib)
    if key not in cache:
        if runtime.family == "python":
            argv = [runtime.path, "-c", "import importlib, sys\nimportlib.import_module(sys.argv[1])", lib]
        else:
            argv = runtime.argv(js_probe()) + [lib, os.path.join(HERE, "node")]
        try:
            proc = subprocess.run(argv, capture_output=True, text=True, timeout=30, cwd=HERE)
            lines = [line.strip() for line in proc.stderr.splitlines() if line.strip()]
            cache[key] = (proc.returncode == 0, proc.stdout.strip() if proc.returncode == 0 else
                          (lines[-1] if lines else f"exit status {proc.returncode}"))
        except (OSError, subprocess.TimeoutExpired) as e:
            cache[key] = (False, str(e))
    return cache[key]


def missing_libraries(runtime, names, cache):
    """{name: why} for the names among `names` that the runtime cannot load."""
    return {lib: why for lib in names for loaded, why in [library_status(runtime, lib, cache)] if not loaded}


def builtin(runtime, lib, cache):
    """Whether a JavaScript runtime answers require(lib) with its own module, not a node_modules file."""
    loaded, where = library_status(runtime, lib, cache)
    return runtime.family == "node" and loaded and not os.path.isabs(where)


def print_matrix(title, matrix, runtimes, legend):
    """The checkers' closing table: one row per program, one column per runtime, a status in each cell."""
    labels = [r.label for r in runtimes]
    width = max([len(title)] + [len(row) for row in matrix])
    cell = max([6] + [len(label) for label in labels])
    print(f"\n{title:<{width}} | " + " | ".join(f"{label:<{cell}}" for label in labels))
    print("-" * (width + (cell + 3) * len(labels) + 2))
    for row, cells in matrix.items():
        print(f"{row:<{width}} | " + " | ".join(f"{cells.get(label, ''):<{cell}}" for label in labels))
    print(legend + "\n")
