"""What every Showdown Python server shares, so each one does identical work per request.

    /usr/bin/python3 <server script> [--port P] [--workers N] [server-specific flags]

The contract is PROTOCOL.md section 2: bind 127.0.0.1 only, on port 0 (the kernel picks a free
port, so there is no race with other programs) unless --port names one, print one JSON ready line
on stdout once listening that gives the port actually bound and the configuration actually in use,
diagnostics on stderr, exit within 2 s of SIGTERM, and exit status 1 with a message (before any
ready line) when the port is taken or a library is missing.
Bad arguments exit with status 2 (argparse's convention).
"""

import argparse
import errno
import json
import os
import resource
import signal
import socket
import sys
import threading

from _protocol import require_library, runtime_info

HOST = "127.0.0.1"
# Deep enough that a burst of 1024 connections is not refused; the kernel caps it at somaxconn.
BACKLOG = 1024
# Frameworks whose default idle timeout is shorter (uvicorn closes idle keep-alive connections after
# 5 s) get this one, so the idle-connection memory benchmark measures open connections, not a race.
IDLE_TIMEOUT_S = 120
# /delay stands in for a database round trip.
DELAY_S = 0.010
# After SIGTERM a server gets this long to close gracefully before it exits regardless (the protocol
# allows 2 s before the harness kills the process group).
EXIT_DEADLINE_S = 1.5

MESSAGE = "Hello, World!"
PLAINTEXT = MESSAGE.encode()
NOT_FOUND = b"Not Found"
TEXT_PLAIN = "text/plain"
APPLICATION_JSON = "application/json"

_SCRIPT = os.path.basename(sys.argv[0]) or "server"


def fail(message):
    """Report a failure that stops the server before it is ready: stderr and exit status 1."""
    sys.stderr.write(f"{_SCRIPT}: {message}\n")
    sys.stderr.flush()
    sys.exit(1)


def require(module, debian_package):
    """Import an optional library, or exit 1 naming the Debian package that provides it."""
    return require_library(module, debian_package)


def parse_args(description, multi_process=False, configure=None):
    """Parse --port (and --workers where the server can fork); configure(parser) adds the rest."""
    parser = argparse.ArgumentParser(prog=_SCRIPT, description=description)
    # The harness passes no port: binding port 0 lets the kernel pick one that is free at that moment,
    # where a port chosen beforehand could be taken by anything else in between. --port is for people.
    parser.add_argument("--port", type=_port, default=0,
                        help="TCP port on 127.0.0.1 (default 0: the kernel picks a free one)")
    if multi_process:
        parser.add_argument("--workers", type=_positive, default=1,
                            help="worker processes sharing the port (SO_REUSEPORT)")
    else:
        # Accepted so the harness can pass it uniformly, but a single-process server must not
        # pretend to scale: anything but 1 is an error.
        parser.add_argument("--workers", type=_positive, default=1, help="must be 1")
    if configure is not None:
        configure(parser)
    args = parser.parse_args()
    if not multi_process and args.workers != 1:
        parser.error(f"this server runs in one process; --workers {args.workers} is not supported")
    return args


def _port(text):
    if not (text.isascii() and text.isdigit()) or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"port must be 0..65535, got {text!r}")
    return int(text)


def _positive(text):
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"needs a positive integer, got {text!r}")
    return int(text)


def raise_file_limit():
    """Lift the open-file soft limit to the hard one: thousands of idle connections need descriptors."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft < hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        except (ValueError, OSError):
            pass  # keep the soft limit; a failure to accept later is reported by the load generator


def listen_socket(port, reuse_port=False, listen=True):
    """A listening TCP socket on 127.0.0.1:port (port 0: a free one the kernel picks), or exit 1
    saying why it could not be had. With listen=False it is only bound: it holds the port without
    taking connections (a reuse-port parent learns its workers' port that way)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((HOST, port))
        if listen:
            sock.listen(BACKLOG)
    except OSError as e:
        sock.close()
        fail(bind_error(port, e))
    sock.setblocking(False)
    return sock


def bind_error(port, error):
    """The message for a failed bind, naming the common cause plainly."""
    if error.errno == errno.EADDRINUSE:
        return f"cannot listen on {HOST}:{port}: the port is already in use"
    return f"cannot listen on {HOST}:{port}: {error.strerror or error}"


def bound_port(sock):
    """The port a listening socket really has (the kernel's choice when it was bound to port 0)."""
    return sock.getsockname()[1]


def loop_kind():
    """Which event loop implementation is running, read from the loop itself rather than from a flag."""
    import asyncio
    # asyncio's own loops live in asyncio.*_events, uvloop's Loop in uvloop.
    return type(asyncio.get_running_loop()).__module__.split(".", 1)[0]


def print_ready(server, port, config, workers=1, pid=None):
    """Tell the harness, in the one stdout line the protocol allows, that every worker listens on port
    and which configuration (server, parser, loop, ...) is actually in use."""
    line = json.dumps({"protocol": 1, "ready": True, "server": server, "runtime": "python",
                       "version": sys.version.split()[0], "runtime_info": runtime_info(),
                       "pid": pid or os.getpid(), "port": port,
                       "workers": workers, "config": config},
                      separators=(",", ":"))
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def arm_exit_deadline():
    """Guarantee the exit the protocol promises even if a graceful close hangs on a busy connection."""
    timer = threading.Timer(EXIT_DEADLINE_S, os._exit, (0,))
    timer.daemon = True
    timer.start()


def exit_on_sigterm():
    """For servers whose main thread blocks in a serve loop: SIGTERM unwinds it with SystemExit."""

    def handler(signum, frame):
        arm_exit_deadline()
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def json_body():
    """/json and /delay: the object is built and serialized on every request, as the protocol asks."""
    return json.dumps({"message": MESSAGE}, separators=(",", ":")).encode()


def cpu_result():
    """/cpu: the fixed CPU work every server does on its serving thread (the result is 667472)."""
    acc = 0
    for i in range(20000):
        acc = (acc * 31 + i) % 1000003
    return acc


def cpu_body():
    """/cpu response body, serialized like JSON.stringify."""
    return json.dumps({"result": cpu_result()}, separators=(",", ":")).encode()


def sync_response(path):
    """(status, content type, body) of the endpoints that never wait, for servers without a router."""
    if path == "/plaintext":
        return 200, TEXT_PLAIN, PLAINTEXT
    if path == "/json":
        return 200, APPLICATION_JSON, json_body()
    if path == "/cpu":
        return 200, APPLICATION_JSON, cpu_body()
    return 404, TEXT_PLAIN, NOT_FOUND
