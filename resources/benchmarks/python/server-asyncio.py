"""HTTP/1.1 server on the standard library's asyncio streams (or uvloop with --loop uvloop).

    /usr/bin/python3 server-asyncio.py [--port P] [--workers N] [--loop asyncio|uvloop]

Each request's line is split and checked, and its header block is parsed by
http.client.parse_headers (the standard library's HTTP header parser). Keep-alive follows
HTTP/1.1 rules and Connection: close is honoured. With --workers N > 1 the parent binds the port
(port 0: the kernel picks it) with SO_REUSEPORT without listening, so it learns the port and holds
it, then forks N workers that each bind and listen on that port with SO_REUSEPORT, so the kernel
spreads connections over them.
"""

import asyncio
import email.utils
import http.client
import io
import os
import select
import signal
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _server  # noqa: E402

REASONS = {200: b"OK", 400: b"Bad Request", 404: b"Not Found", 431: b"Request Header Fields Too Large",
           501: b"Not Implemented", 505: b"HTTP Version Not Supported"}
# A request head longer than this is refused (431), like the 64 KiB stream limit it comes from.
HEAD_LIMIT = 64 * 1024
# How long the parent waits for every worker to listen before it gives up.
WORKER_START_TIMEOUT_S = 15


class BadRequest(Exception):
    """A request this server refuses; the connection is answered with the status and closed."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status


class Terminated(Exception):
    """Raised by the parent's SIGTERM handler to leave whatever wait it is in."""


class DateHeader:
    """The Date value changes once a second; formatting it per request would be wasted work."""

    def __init__(self):
        self._second = -1
        self._value = b""

    def value(self):
        now = int(time.time())
        if now != self._second:
            self._second = now
            self._value = email.utils.formatdate(now, usegmt=True).encode()
        return self._value


DATE = DateHeader()


def parse_request(head):
    """Return (path, keep_alive, http10, body_length) of one request head (bytes up to the blank line)."""
    line_end = head.find(b"\r\n")
    parts = head[:line_end].split(b" ")
    if len(parts) != 3 or not parts[0] or not parts[1]:
        raise BadRequest(400)
    method, target, version = parts
    if version == b"HTTP/1.1":
        keep_alive = True
    elif version == b"HTTP/1.0":
        keep_alive = False
    elif version.startswith(b"HTTP/"):
        raise BadRequest(505)
    else:
        raise BadRequest(400)
    try:
        headers = http.client.parse_headers(io.BytesIO(head[line_end + 2:]))
    except http.client.HTTPException:
        raise BadRequest(431) from None
    if headers.defects:
        raise BadRequest(400)
    tokens = {t.strip().lower() for v in headers.get_all("Connection", []) for t in v.split(",")}
    if "close" in tokens:
        keep_alive = False
    elif "keep-alive" in tokens:
        keep_alive = True
    if headers.get("Transfer-Encoding") is not None:
        raise BadRequest(501)  # no endpoint takes a body; chunked uploads are not supported
    length = headers.get("Content-Length", "0").strip()
    if not (length.isascii() and length.isdigit()):
        raise BadRequest(400)
    path = target.split(b"?", 1)[0].decode("latin-1")
    return path, keep_alive, version == b"HTTP/1.0", int(length)


def render(status, content_type, body, keep_alive, http10):
    """The response bytes: status line, Content-Type, Content-Length, Date and the connection's fate."""
    head = [b"HTTP/1.1 %d %s" % (status, REASONS[status]),
            b"Content-Type: " + content_type.encode(),
            b"Content-Length: %d" % len(body),
            b"Date: " + DATE.value()]
    if not keep_alive:
        head.append(b"Connection: close")
    elif http10:
        head.append(b"Connection: keep-alive")
    return b"\r\n".join(head) + b"\r\n\r\n" + body


async def handle(reader, writer):
    """Serve requests on one connection until the client closes it or asks to."""
    try:
        while True:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except asyncio.IncompleteReadError:
                return  # the client closed between requests
            except asyncio.LimitOverrunError:
                writer.write(render(431, _server.TEXT_PLAIN, b"Request Header Fields Too Large", False, False))
                await writer.drain()
                return
            try:
                path, keep_alive, http10, body_length = parse_request(head)
            except BadRequest as e:
                writer.write(render(e.status, _server.TEXT_PLAIN, REASONS[e.status], False, False))
                await writer.drain()
                return
            if body_length:
                await reader.readexactly(body_length)  # no endpoint uses a body; it is read and dropped
            if path == "/delay":
                await asyncio.sleep(_server.DELAY_S)
                status, content_type, body = 200, _server.APPLICATION_JSON, _server.json_body()
            else:
                status, content_type, body = _server.sync_response(path)
            writer.write(render(status, content_type, body, keep_alive, http10))
            await writer.drain()
            if not keep_alive:
                return
    except (ConnectionError, asyncio.IncompleteReadError):
        pass  # a client that vanishes mid-request is its own business
    finally:
        writer.close()


async def serve(sock, on_listening):
    """Serve on an already bound socket until SIGTERM or SIGINT."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    server = await asyncio.start_server(handle, sock=sock, backlog=_server.BACKLOG, limit=HEAD_LIMIT)
    on_listening(loop)
    await stop.wait()
    _server.arm_exit_deadline()
    server.close()
    # Open keep-alive connections are cancelled when asyncio.run() returns.


def run_loop(sock, loop_name, on_listening):
    if loop_name == "uvloop":
        uvloop = _server.require("uvloop", "python3-uvloop")
        uvloop.install()
    asyncio.run(serve(sock, on_listening))


def config(loop):
    """The configuration in use, as the ready line reports it; the loop is read from the running loop."""
    return {"server": "asyncio streams", "parser": "http.client.parse_headers", "loop": loop}


def run_single(port, loop_name):
    sock = _server.listen_socket(port)
    run_loop(sock, loop_name,
             lambda loop: _server.print_ready(loop_name, _server.bound_port(sock), config(_server.loop_kind())))


# What a worker writes to the ready pipe once it listens: one byte naming the loop it really runs.
LOOP_BYTES = {"asyncio": b"a", "uvloop": b"u"}


def run_worker(port, loop_name, ready_fd, lifeline_fd):
    """A forked worker: bind with SO_REUSEPORT, report readiness, exit when the parent is gone."""

    def on_listening(loop):
        os.write(ready_fd, LOOP_BYTES.get(_server.loop_kind(), b"?"))
        os.close(ready_fd)

        def parent_gone():
            loop.remove_reader(lifeline_fd)
            os.kill(os.getpid(), signal.SIGTERM)

        # The parent holds the pipe's write end; end-of-file means it died without passing on a
        # SIGTERM, and a worker must not outlive it.
        loop.add_reader(lifeline_fd, parent_gone)

    sock = _server.listen_socket(port, reuse_port=True)
    run_loop(sock, loop_name, on_listening)


def run_workers(port, loop_name, workers):
    """The parent: fork the workers, print the ready line when all listen, forward SIGTERM, reap."""
    if port != 0:
        # Fail before forking when a named port is in use: reuse-port workers could otherwise join
        # another program's port instead of failing.
        _server.listen_socket(port).close()
    # Bound with SO_REUSEPORT but not listening: the parent learns the port (the kernel's choice for
    # port 0) and holds it for the workers' lifetime, yet takes no connections itself, because only
    # listening sockets join the kernel's reuse-port group.
    holder = _server.listen_socket(port, reuse_port=True, listen=False)
    port = _server.bound_port(holder)
    if loop_name == "uvloop":
        _server.require("uvloop", "python3-uvloop")
    ready_r, ready_w = os.pipe()
    lifeline_r, lifeline_w = os.pipe()
    children = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:
            os.close(ready_r)
            os.close(lifeline_w)
            holder.close()
            status = 0
            try:
                run_worker(port, loop_name, ready_w, lifeline_r)
            except SystemExit as e:
                status = e.code if isinstance(e.code, int) else 1
            except BaseException:
                traceback.print_exc()
                status = 1
            finally:
                # Never return into the parent's code path, whatever happened in the worker.
                os._exit(status)
        children.append(pid)
    os.close(ready_w)
    os.close(lifeline_r)

    terminated = []

    def on_signal(signum, frame):
        if not terminated:
            terminated.append(signum)
            raise Terminated()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        loops = wait_for_workers(ready_r, workers, children, terminated)
        if loops is None:
            stop_children(children)
            sys.exit(1)
        kinds = {kind for kind, byte in LOOP_BYTES.items() if byte in loops}
        _server.print_ready(loop_name, port, config(kinds.pop() if len(kinds) == 1 else "mixed"), workers)
        dead, _ = os.waitpid(-1, 0)  # returns only when a worker dies; SIGTERM interrupts it
        children.remove(dead)
        sys.stderr.write("server-asyncio.py: a worker exited unexpectedly; stopping the others\n")
        stop_children(children)
        sys.exit(1)
    except Terminated:
        stop_children(children)


def wait_for_workers(ready_r, workers, children, terminated):
    """The bytes the workers wrote (one each, naming its loop) once every worker listens; None (with a
    message) if one failed or time ran out."""
    deadline = time.monotonic() + WORKER_START_TIMEOUT_S
    received = b""
    while len(received) < workers:
        if terminated:
            return None
        if not all_alive(children):
            sys.stderr.write("server-asyncio.py: a worker exited before it was listening\n")
            return None
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            sys.stderr.write(f"server-asyncio.py: only {len(received)} of {workers} workers listened "
                             f"within {WORKER_START_TIMEOUT_S} s\n")
            return None
        readable, _, _ = select.select([ready_r], [], [], min(remaining, 0.1))
        if readable:
            data = os.read(ready_r, workers)
            if not data:
                continue  # every worker closed its end; the liveness check above decides
            received += data
    return received


def all_alive(children):
    for pid in children:
        if os.waitpid(pid, os.WNOHANG) != (0, 0):
            children.remove(pid)
            return False
    return True


def stop_children(children):
    """SIGTERM every worker, wait for them within the protocol's deadline, then SIGKILL the rest."""
    for pid in children:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + _server.EXIT_DEADLINE_S
    waiting = list(children)
    while waiting and time.monotonic() < deadline:
        waiting = [pid for pid in waiting if os.waitpid(pid, os.WNOHANG) == (0, 0)]
        if waiting:
            time.sleep(0.02)
    for pid in waiting:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def main():
    args = _server.parse_args(
        __doc__.splitlines()[0], multi_process=True,
        configure=lambda p: p.add_argument("--loop", choices=("asyncio", "uvloop"), default="asyncio",
                                           help="event loop implementation (default: asyncio)"))
    _server.raise_file_limit()
    if args.workers == 1:
        run_single(args.port, args.loop)
    else:
        run_workers(args.port, args.loop, args.workers)


if __name__ == "__main__":
    main()
