# Null program: start-up time. Deliberately does the least possible work: only `sys`
# is imported (no json, no shared helper) and the protocol line is written by hand.
# The harness measures this program's process wall time itself.
import sys

args = []
for arg in sys.argv[1:]:
    args.extend(arg.split("=", 1) if arg.startswith("--") else (arg,))
for i in range(0, len(args), 2):
    if (args[i] not in ("--size", "--iterations", "--warmup", "--workers")
            or i + 1 >= len(args) or not (args[i + 1].isascii() and args[i + 1].isdigit())):
        sys.stderr.write("startup.py: bad arguments\n"
                         "usage: python3 startup.py --size N --iterations K --warmup W [--workers N]\n")
        sys.exit(2)

# runtime_info as _protocol.runtime_info() builds it, inlined so no import is timed.
impl = sys.implementation
is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
sys.stdout.write(
    '{"protocol":1,"benchmark":"startup","runtime":"python","version":"'
    + sys.version.split()[0]
    + '","runtime_info":{"schema":1,"family":"python","kind":"' + impl.name
    + '","version":"' + "%d.%d.%d" % tuple(impl.version[:3])
    + '","python_version":"' + sys.version.split()[0]
    + '","gil_enabled":' + ("true" if is_gil_enabled is None or is_gil_enabled() else "false")
    + ',"free_threaded":' + ("true" if "t" in getattr(sys, "abiflags", "") else "false")
    + '},"warmup_ns":[],"iterations_ns":[],"result":"ok","extra":{"implementation":"'
    + impl.name
    + '"}}\n'
)
