# Null program: start-up time. Deliberately does the least possible work: only `sys`
# is imported (no json, no shared helper) and the protocol line is written by hand.
# The harness measures this program's process wall time itself.
import sys

args = sys.argv[1:]
i = 0
while i < len(args):
    if args[i] not in ("--size", "--iterations", "--warmup", "--workers") or i + 1 >= len(args) or not args[i + 1].isdigit():
        sys.stderr.write("startup.py: bad arguments\nusage: python3 startup.py --size N --iterations K --warmup W [--workers N]\n")
        sys.exit(2)
    i += 2

sys.stdout.write(
    '{"protocol":1,"benchmark":"startup","runtime":"python","version":"'
    + sys.version.split()[0]
    + '","warmup_ns":[],"iterations_ns":[],"result":"ok","extra":{"implementation":"'
    + sys.implementation.name
    + '"}}\n'
)
