#!/usr/bin/env python3
"""Check every server in manifest.d/servers.json against PROTOCOL.md section 2.

For each server on each runtime of its family (--runtime, repeatable: node, bun and deno run the
JavaScript servers, cpython and pypy the Python ones; default node and /usr/bin/python3), once per
distinct program, arguments and environment, and once more with --workers 2 where a benchmark sweeps
workers: start it as the harness does, with no --port (it
binds port 0 of 127.0.0.1 itself) and the manifest's "env" added to the environment, in its own
process group, wait for the ready line, then check
  - the ready line: protocol 1, the pid started, the worker count, a port 1..65535 that is listening
    on 127.0.0.1 and nowhere else, and a "config" equal to the manifest's (the server reads it from
    what is really running: uvicorn's protocol class, the loop's type, Express's environment, ...);
  - HTTP servers: every endpoint's status, exact body bytes, Content-Length (equal to the body's
    length), Content-Type (the manifest's media type) and a valid Date; 404 with "Not Found" for
    an unknown path; keep-alive (two requests on one connection); Connection: close honoured;
  - chat servers: 3 clients on /chat each send one message and every client receives all 3;
    a handshake on another path is refused;
  - SIGTERM (with an idle connection open) ends every process of the group within 2 s, and
    nothing but the ready line was printed on stdout;
  - a taken port named with --port: exit status 1 and a message on stderr, before any ready line;
  - a missing library: exit status 1 and a message naming the Debian or npm package.
A server whose "requires" the runtime cannot import is skipped with the reason; one the manifest marks
"unsupported" on a runtime kind is skipped with the manifest's reason, or, with --try-unsupported, run
to confirm that it still fails (the ready line, the configuration or an endpoint: a server that now
passes every check is a failure, so the record is removed). A server's expected configuration on a
kind is its "config_by_kind" entry for that kind, else "config".
One line per check, then a server x runtime table; exit status 1 if any failed, 2 on bad arguments.

    /usr/bin/python3 resources/benchmarks/check_servers.py [--only NAME[,NAME...]]
        [--runtime [KIND=]PATH ...] [--node PATH] [--python PATH] [--manifest FILE] [--try-unsupported]
"""
import argparse
import asyncio
import base64
import email.utils
import http.client
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import runtimes as rt

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "manifest.d", "servers.json")
HOST = "127.0.0.1"
MEASURES = {"http", "idle", "chat"}
# The keys a server entry may have (Catalog.cpp refuses any other, too).
SERVER_KEYS = {"name", "runtime", "script", "args", "requires", "env", "config", "config_by_kind", "per_request",
               "unsupported"}
EXIT_LIMIT_S = 2.0       # PROTOCOL.md: exit within 2 s of SIGTERM, workers too
IO_TIMEOUT_S = 5.0       # one request or one chat message; generous for a shared 2-core machine
FAIL_FAST_LIMIT_S = 10.0  # a server that cannot start must say so well before the harness gives up


class Report:
    """Counts and prints one line per check, so a failure names the server and what broke."""

    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.run_failed = 0  # failures of the server being checked now
        self.quiet = False   # confirming an unsupported record: failures are expected, not counted

    def check(self, server, what, ok, detail=""):
        if not ok:
            self.run_failed += 1
        if self.quiet:
            if not ok:
                print(f"  (fails as recorded) {server:<26} {what}: {detail}", flush=True)
            return ok
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        suffix = f": {detail}" if detail else ""
        print(f"{'PASS' if ok else 'FAIL'} {server:<26} {what}{suffix}", flush=True)
        return ok


# ---------------------------------------------------------------------------------------------
# The manifest


def load_manifest(path):
    """Return (benchmarks, problems) after checking the shape the harness relies on."""
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    problems = []
    benchmarks = manifest.get("benchmarks")
    if not isinstance(benchmarks, list) or not benchmarks:
        return [], ["manifest: 'benchmarks' must be a non-empty list"]
    for b in benchmarks:
        name = b.get("name", "?")
        for key in ("name", "title", "category", "claims", "measure", "timeout_s", "description",
                    "servers", "sizes"):
            if key not in b:
                problems.append(f"{name}: missing {key!r}")
        if b.get("measure") not in MEASURES:
            problems.append(f"{name}: measure {b.get('measure')!r} is not one of {sorted(MEASURES)}")
        endpoints = b.get("endpoints", {})
        for ep_name, ep in endpoints.items():
            if not str(ep.get("path", "")).startswith("/"):
                problems.append(f"{name}: endpoint {ep_name} needs a path starting with /")
            if b.get("measure") != "chat" and ("body" not in ep or "content_type" not in ep):
                problems.append(f"{name}: endpoint {ep_name} needs body and content_type")
        for s in b.get("servers", []):
            label = f"{name}/{s.get('name', '?')}"
            for key in ("name", "runtime", "script", "args", "requires", "config", "per_request"):
                if key not in s:
                    problems.append(f"{label}: missing {key!r}")
            for key in sorted(set(s) - SERVER_KEYS):
                problems.append(f"{label}: unknown key {key!r}")
            env = s.get("env", {})
            if not isinstance(env, dict) or not all(isinstance(k, str) and k and "=" not in k and isinstance(v, str)
                                                    for k, v in env.items()):
                problems.append(f"{label}: env must map variable names to strings")
            if not isinstance(s.get("config", {}), dict) or not s.get("config"):
                problems.append(f"{label}: config must be a non-empty object (what the ready line reports)")
            if s.get("runtime") not in ("node", "python"):
                problems.append(f"{label}: runtime must be node or python")
            else:
                rt.check_unsupported(s, s["runtime"], label, problems)
                by_kind = s.get("config_by_kind", {})
                if not isinstance(by_kind, dict) or not all(
                        rt.FAMILIES.get(k) == s["runtime"] and isinstance(v, dict) and v for k, v in by_kind.items()):
                    problems.append(f"{label}: config_by_kind must map runtime kinds of the {s['runtime']} family "
                                    "to non-empty configurations")
            if not os.path.isfile(os.path.join(HERE, s.get("script", ""))):
                problems.append(f"{label}: script {s.get('script')} not found")
            if not str(s.get("per_request", "")).strip():
                problems.append(f"{label}: per_request must say what the server does")
        for suite in ("quick", "standard", "full"):
            size = b.get("sizes", {}).get(suite)
            if size is None:
                problems.append(f"{name}: no sizes for suite {suite!r}")
                continue
            count_key = "clients" if b.get("measure") == "chat" else "connections"
            if not size.get(count_key):
                problems.append(f"{name}/{suite}: {count_key!r} must list at least one count")
            for ep in size.get("endpoints", []):
                if ep not in endpoints:
                    problems.append(f"{name}/{suite}: endpoint {ep!r} is not among the benchmark's endpoints")
    return benchmarks, problems


def plan(benchmarks, runtimes):
    """The server runs to check: one per runtime and distinct program and arguments, plus multi-worker runs."""
    runs = {}
    for b in benchmarks:
        max_workers = max((w for s in b.get("sizes", {}).values() for w in s.get("workers", [1])), default=1)
        worker_counts = [1] + ([2] if max_workers > 1 else [])
        for s, runtime in ((s, r) for s in b.get("servers", []) for r in runtimes if r.family == s["runtime"]):
            for workers in worker_counts:
                config = s.get("config_by_kind", {}).get(runtime.kind, s.get("config", {}))
                key = (runtime.label, s["script"], tuple(s["args"]), json.dumps(s.get("env", {}), sort_keys=True),
                       json.dumps(config, sort_keys=True), workers)
                run = runs.setdefault(key, {"server": s, "names": [], "workers": workers, "kind": b["measure"],
                                            "endpoints": {}, "timeout_s": b["timeout_s"], "runtime": runtime,
                                            "config": config, "unsupported": {}})
                reason = rt.unsupported_reason(s, runtime.kind)
                if reason:
                    run["unsupported"][s["name"]] = reason
                if s["name"] not in run["names"]:
                    run["names"].append(s["name"])
                run["endpoints"].update(b.get("endpoints", {}))
                run["timeout_s"] = max(run["timeout_s"], b["timeout_s"])
    return list(runs.values())


# ---------------------------------------------------------------------------------------------
# Processes


def listening_addresses(port):
    """Local addresses with a listening TCP socket on port, from /proc/net/tcp and tcp6."""
    addresses = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table, encoding="ascii") as f:
                rows = f.read().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if fields[3] == "0A" and int(port_hex, 16) == port:  # 0A: TCP_LISTEN
                if len(address) == 8:
                    addresses.append(socket.inet_ntop(socket.AF_INET, bytes.fromhex(address)[::-1]))
                else:
                    addresses.append(socket.inet_ntop(socket.AF_INET6, b"".join(
                        bytes.fromhex(address[i:i + 8])[::-1] for i in range(0, 32, 8))))
    return addresses


def group_members(pgid):
    """Live (non-zombie) processes whose process group is pgid, read from /proc."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        if fields[0] != "Z" and int(fields[2]) == pgid:
            members.append(int(entry))
    return members


class ServerProcess:
    """A server started in its own process group, with stdout read line by line and stderr kept."""

    def __init__(self, argv, env=None):
        self.stderr_file = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=self.stderr_file,
                                     stdin=subprocess.DEVNULL, cwd="/", start_new_session=True,
                                     env=dict(os.environ, **env) if env else None)
        self.pgid = self.proc.pid
        self._buffer = b""

    def read_line(self, timeout):
        """The first stdout line, or None if the process exits or the time runs out first."""
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            readable, _, _ = select.select([fd], [], [], remaining)
            if readable:
                chunk = os.read(fd, 65536)
                if not chunk:
                    return None
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode("utf-8", "replace")

    def rest_of_stdout(self):
        """Everything after the first line, once the process has exited."""
        return self._buffer + self.proc.stdout.read()

    def stderr_text(self):
        self.stderr_file.seek(0)
        return self.stderr_file.read().decode("utf-8", "replace")

    def wait(self, timeout):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill_group(self):
        """Leave nothing behind, whatever a check found."""
        try:
            os.killpg(self.pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        self.proc.stdout.close()
        self.stderr_file.close()


def stderr_tail(text, lines=3):
    return " | ".join(text.strip().splitlines()[-lines:]) or "(stderr empty)"


def argv_for(run, port=None, script_path=None):
    """The command line as the harness builds it (no --port: the server binds port 0); port names one."""
    s = run["server"]
    argv = run["runtime"].argv(script_path or os.path.join(HERE, s["script"]))
    if port is not None:
        argv += ["--port", str(port)]
    if run["workers"] != 1:
        argv += ["--workers", str(run["workers"])]
    return argv + list(s["args"])


# ---------------------------------------------------------------------------------------------
# HTTP checks


def media_type(value):
    return (value or "").split(";", 1)[0].strip().lower()


def check_response(report, label, what, response, body, status, expect_body, content_type):
    problems = []
    if response.status != status:
        problems.append(f"status {response.status}, expected {status}")
    if body != expect_body:
        problems.append(f"body {body[:60]!r}, expected {expect_body!r}")
    length = response.getheader("Content-Length")
    if length is None:
        problems.append("no Content-Length")
    elif length.strip() != str(len(body)):
        problems.append(f"Content-Length {length} but {len(body)} body bytes")
    if response.getheader("Content-Type") is None:
        problems.append("no Content-Type")
    elif media_type(response.getheader("Content-Type")) != content_type:
        problems.append(f"Content-Type {response.getheader('Content-Type')!r}, expected {content_type}")
    date = response.getheader("Date")
    if date is None:
        problems.append("no Date")
    else:
        try:
            email.utils.parsedate_to_datetime(date)
        except (TypeError, ValueError):
            problems.append(f"Date {date!r} is not an HTTP date")
    detail = "; ".join(problems) or f"{status}, {len(body)} bytes, Content-Type {response.getheader('Content-Type')}"
    return report.check(label, what, not problems, detail)


def get(port, path, headers=None):
    conn = http.client.HTTPConnection(HOST, port, timeout=IO_TIMEOUT_S)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response, response.read()
    finally:
        conn.close()


def check_http(report, label, port, endpoints):
    for name, ep in endpoints.items():
        try:
            response, body = get(port, ep["path"])
        except (OSError, http.client.HTTPException) as e:
            report.check(label, f"GET {ep['path']}", False, f"{type(e).__name__}: {e}")
            continue
        check_response(report, label, f"GET {ep['path']}", response, body, 200, ep["body"].encode(),
                       ep["content_type"])
    try:
        response, body = get(port, "/no-such-path")
        check_response(report, label, "GET /no-such-path", response, body, 404, b"Not Found", "text/plain")
    except (OSError, http.client.HTTPException) as e:
        report.check(label, "GET /no-such-path", False, f"{type(e).__name__}: {e}")

    first, second = list(endpoints.values())[:2] if len(endpoints) > 1 else [next(iter(endpoints.values()))] * 2
    conn = http.client.HTTPConnection(HOST, port, timeout=IO_TIMEOUT_S)
    try:
        conn.request("GET", first["path"])
        r1 = conn.getresponse()
        b1 = r1.read()
        sock1 = conn.sock
        conn.request("GET", second["path"])
        r2 = conn.getresponse()
        b2 = r2.read()
        same = sock1 is not None and conn.sock is sock1
        ok = same and not r1.will_close and b1 == first["body"].encode() and b2 == second["body"].encode()
        report.check(label, "keep-alive", ok,
                     f"{first['path']} then {second['path']} on one connection" if ok else
                     f"first response will_close={r1.will_close}, same connection={same}, bodies {b1!r} {b2!r}")
    except (OSError, http.client.HTTPException) as e:
        report.check(label, "keep-alive", False, f"second request on the connection failed: {type(e).__name__}: {e}")
    finally:
        conn.close()

    ep = next(iter(endpoints.values()))
    try:
        with socket.create_connection((HOST, port), timeout=IO_TIMEOUT_S) as sock:
            sock.sendall(f"GET {ep['path']} HTTP/1.1\r\nHost: {HOST}:{port}\r\nConnection: close\r\n\r\n".encode())
            response = http.client.HTTPResponse(sock)
            response.begin()
            body = response.read()
            sock.settimeout(EXIT_LIMIT_S)
            try:
                closed = sock.recv(1) == b""
            except socket.timeout:
                closed = False
            except ConnectionResetError:
                closed = True
            ok = closed and response.status == 200 and body == ep["body"].encode()
            report.check(label, "Connection: close", ok,
                         "server closed the connection after the response" if ok else
                         f"status {response.status}, body {body!r}, closed within {EXIT_LIMIT_S} s: {closed}")
    except (OSError, http.client.HTTPException) as e:
        report.check(label, "Connection: close", False, f"{type(e).__name__}: {e}")


def open_idle_connection(port, path):
    """A keep-alive connection that made one request and stays open, as in the idle benchmark."""
    sock = socket.create_connection((HOST, port), timeout=IO_TIMEOUT_S)
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n\r\n".encode())
    response = http.client.HTTPResponse(sock)
    response.begin()
    response.read()
    return sock


# ---------------------------------------------------------------------------------------------
# Chat checks


async def chat_round(websockets, port, path):
    """Three clients each send one message; return what each one received within the time limit."""
    clients = [await websockets.connect(f"ws://{HOST}:{port}{path}", open_timeout=IO_TIMEOUT_S,
                                        ping_interval=None, compression=None) for _ in range(3)]
    try:
        sent = [json.dumps({"c": i, "s": 0, "check": os.urandom(4).hex()}, separators=(",", ":"))
                for i in range(3)]
        for client, message in zip(clients, sent):
            await client.send(message)

        async def collect(client):
            received = []
            try:
                while len(received) < len(sent):
                    received.append(await asyncio.wait_for(client.recv(), IO_TIMEOUT_S))
            except (asyncio.TimeoutError, websockets.ConnectionClosed):
                pass
            return received

        return sent, await asyncio.gather(*(collect(c) for c in clients))
    finally:
        for client in clients:
            await client.close()


async def refused_elsewhere(websockets, port):
    try:
        ws = await websockets.connect(f"ws://{HOST}:{port}/not-chat", open_timeout=IO_TIMEOUT_S)
    except websockets.InvalidStatusCode as e:
        return e.status_code
    await ws.close()
    return 101


def check_chat(report, label, port, endpoints):
    try:
        import websockets
    except ImportError:
        report.check(label, "chat", False, "the checker needs the websockets module (Debian python3-websockets)")
        return
    path = endpoints.get("chat", {}).get("path", "/chat")
    try:
        sent, received = asyncio.run(chat_round(websockets, port, path))
        problems = [f"client {i} got {sorted(got)!r}" for i, got in enumerate(received) if sorted(got) != sorted(sent)]
        report.check(label, "chat broadcast", not problems,
                     "3 clients each sent one message and every client received all 3 unchanged"
                     if not problems else "; ".join(problems))
    except (OSError, asyncio.TimeoutError, websockets.WebSocketException) as e:
        report.check(label, "chat broadcast", False, f"{type(e).__name__}: {e}")
    try:
        status = asyncio.run(refused_elsewhere(websockets, port))
        report.check(label, "handshake on another path", status == 404, f"HTTP {status}")
    except (OSError, asyncio.TimeoutError, websockets.WebSocketException) as e:
        report.check(label, "handshake on another path", False, f"{type(e).__name__}: {e}")


def open_chat_client(port, path):
    """An idle WebSocket client: the opening handshake over a plain socket, then silence."""
    sock = socket.create_connection((HOST, port), timeout=IO_TIMEOUT_S)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError("closed during the WebSocket handshake")
        head += chunk
    if not head.startswith(b"HTTP/1.1 101"):
        raise ConnectionError(f"handshake answered {head.splitlines()[0]!r}")
    return sock


# ---------------------------------------------------------------------------------------------
# One server


def start(run, port=None, script_path=None):
    return ServerProcess(argv_for(run, port, script_path), run["server"].get("env"))


def check_ready(report, label, server, run, expected_runtime):
    """The port the server's ready line reports once every check of the line passed, else None."""
    start = time.monotonic()
    line = server.read_line(run["timeout_s"])
    elapsed = time.monotonic() - start
    if line is None:
        status = server.wait(0.1)
        report.check(label, "ready line", False,
                     f"none within {run['timeout_s']} s (exit status {status}): {stderr_tail(server.stderr_text())}")
        return None
    try:
        ready = json.loads(line)
    except ValueError:
        report.check(label, "ready line", False, f"not JSON: {line[:120]!r}")
        return None
    problems = []
    expect = {"protocol": 1, "ready": True, "runtime": expected_runtime, "pid": server.proc.pid,
              "workers": run["workers"]}
    for key, value in expect.items():
        if ready.get(key) != value:
            problems.append(f"{key} is {ready.get(key)!r}, expected {value!r}")
    info = ready.get("runtime_info")
    if not isinstance(info, dict) or info.get("kind") != run["runtime"].kind or not info.get("version"):
        problems.append(f"runtime_info is {info!r}, expected kind {run['runtime'].kind!r} with its version")
    for key in ("server", "version"):
        if not isinstance(ready.get(key), str) or not ready.get(key):
            problems.append(f"{key} missing")
    port = ready.get("port")
    if type(port) is not int or not 1 <= port <= 65535:
        problems.append(f"port is {port!r}, expected the bound port, a whole number 1..65535")
        port = None
    if not report.check(label, "ready line", not problems, "; ".join(problems) or f"after {elapsed:.2f} s: {line}"):
        return None
    addresses = listening_addresses(port)
    report.check(label, "listens on the reported port, 127.0.0.1 only", addresses and set(addresses) == {HOST},
                 f"port {port}: listening on {addresses or 'nothing'}")
    claimed = run["config"]
    report.check(label, "configuration in use", ready.get("config") == claimed,
                 f"{json.dumps(ready.get('config'))}" if ready.get("config") == claimed else
                 f"the server reports {json.dumps(ready.get('config'))}, the manifest claims {json.dumps(claimed)}")
    return port


def check_workers(report, label, server, workers):
    # Forked workers may still be starting for a moment after the ready line on a busy machine.
    deadline = time.monotonic() + 1.0
    while True:
        members = group_members(server.pgid)
        if len(members) >= workers + 1 or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    report.check(label, f"{workers} worker processes", len(members) >= workers + 1,
                 f"{len(members)} processes in the group (a parent and {workers} workers expected)")


def check_sigterm(report, label, server, run, port):
    """SIGTERM with an idle connection open: every process gone within 2 s, stdout clean."""
    keep = []
    try:
        if run["kind"] == "chat":
            keep.append(open_chat_client(port, run["endpoints"].get("chat", {}).get("path", "/chat")))
        else:
            keep.append(open_idle_connection(port, next(iter(run["endpoints"].values()))["path"]))
    except Exception as e:  # the exit itself is still worth checking
        report.check(label, "idle connection before SIGTERM", False, f"{type(e).__name__}: {e}")
    start = time.monotonic()
    os.kill(server.proc.pid, signal.SIGTERM)
    status = server.wait(EXIT_LIMIT_S)
    elapsed = time.monotonic() - start
    # Orphaned workers of an exited parent are reparented and reaped; allow the rest of the 2 s.
    left = group_members(server.pgid)
    while left and time.monotonic() - start < EXIT_LIMIT_S:
        time.sleep(0.05)
        left = group_members(server.pgid)
    ok = status is not None and not left
    report.check(label, "SIGTERM", ok,
                 f"exit status {status} after {elapsed:.2f} s, no process left in the group" if ok else
                 f"exit status {status} after {elapsed:.2f} s; processes left: {left}")
    if status is not None:
        extra = server.rest_of_stdout()
        report.check(label, "stdout holds only the ready line", not extra.strip(),
                     f"{len(extra)} more bytes: {extra[:80]!r}" if extra.strip() else "")
    for sock in keep:
        sock.close()


def check_port_taken(report, label, run):
    with socket.socket() as blocker:
        blocker.bind((HOST, 0))
        blocker.listen(1)
        port = blocker.getsockname()[1]
        server = start(run, port)
        try:
            line = server.read_line(FAIL_FAST_LIMIT_S)
            status = server.wait(FAIL_FAST_LIMIT_S)
            message = server.stderr_text().strip()
            ok = line is None and status == 1 and bool(message)
            report.check(label, "named port already taken", ok,
                         f"exit status {status}: {stderr_tail(message, 1)}" if ok else
                         f"exit status {status}, stdout {line!r}, stderr {stderr_tail(message)}")
        finally:
            server.kill_group()


def check_missing_library(report, label, run, library_cache):
    """Start the server where its libraries cannot be found: it must name what to install."""
    s = run["server"]
    if not s["requires"]:
        return
    if all(rt.builtin(run["runtime"], r, library_cache) for r in s["requires"]):
        print(f"     {label:<26} library missing: not checked, {run['runtime'].kind} has "
              f"{', '.join(s['requires'])} built in", flush=True)
        return
    with tempfile.TemporaryDirectory() as scratch:
        if s["runtime"] == "python":
            # -S skips the site module, so Debian's dist-packages are not on the path.
            argv = [run["runtime"].path, "-S"] + argv_for(run)[1:]
            names = [f"python3-{r}" for r in s["requires"]]
        else:
            # A copy outside the folder with node_modules cannot resolve the npm packages.
            folder = os.path.dirname(os.path.join(HERE, s["script"]))
            # package.json too: it says CommonJS, which Deno needs to be told.
            for name in (os.path.basename(s["script"]), "_server.js", "_protocol.js", "package.json"):
                shutil.copy(os.path.join(folder, name), scratch)
            argv = argv_for(run, script_path=os.path.join(scratch, os.path.basename(s["script"])))
            names = [f"'{r}'" for r in s["requires"]]
        server = ServerProcess(argv, s.get("env"))
        try:
            line = server.read_line(FAIL_FAST_LIMIT_S)
            status = server.wait(FAIL_FAST_LIMIT_S)
            message = server.stderr_text().strip()
            named = any(n in message for n in names)
            ok = line is None and status == 1 and named
            report.check(label, "library missing", ok,
                         f"exit status {status}: {stderr_tail(message, 1)}" if ok else
                         f"exit status {status}, stdout {line!r}, names one of {names}: {named}; "
                         f"stderr {stderr_tail(message)}")
        finally:
            server.kill_group()


def check_server(report, run, library_cache):
    s = run["server"]
    label = "/".join(run["names"]) + f" on {run['runtime'].label}" + (
        f" --workers {run['workers']}" if run["workers"] != 1 else "")
    server = start(run)
    try:
        port = check_ready(report, label, server, run, s["runtime"])
        if port is not None:
            if run["workers"] > 1:
                check_workers(report, label, server, run["workers"])
            if run["kind"] == "chat":
                check_chat(report, label, port, run["endpoints"])
            else:
                check_http(report, label, port, run["endpoints"])
            check_sigterm(report, label, server, run, port)
    finally:
        server.kill_group()
    check_port_taken(report, label, run)
    if run["workers"] == 1:
        check_missing_library(report, label, run, library_cache)


def main():
    # Servers run in their own sessions; a SIGTERM to the checker must still reach the finally
    # blocks that kill their process groups.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(1))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="comma-separated server names")
    rt.add_arguments(parser)
    parser.add_argument("--manifest", default=MANIFEST,
                        help="servers manifest to check (scripts relative to this folder); default manifest.d/servers.json")
    parser.add_argument("--try-unsupported", action="store_true",
                        help="run servers the manifest marks unsupported on a runtime too: each must still fail")
    args = parser.parse_args()
    runtimes = rt.chosen(args)

    report = Report()
    benchmarks, problems = load_manifest(args.manifest)
    report.check("manifest", args.manifest if args.manifest != MANIFEST else os.path.relpath(MANIFEST, HERE),
                 not problems, "; ".join(problems))
    runs = plan(benchmarks, runtimes)
    if args.only:
        wanted = set(args.only.split(","))
        known = {n for r in runs for n in r["names"]}
        if wanted - known:
            parser.error(f"unknown server(s): {', '.join(sorted(wanted - known))}")
        runs = [r for r in runs if wanted & set(r["names"])]
    matrix = {}
    library_cache = {}
    for run in runs:
        row = "/".join(run["names"]) + (f" --workers {run['workers']}" if run["workers"] != 1 else "")
        cells = matrix.setdefault(row, {})
        runtime = run["runtime"]
        missing = rt.missing_libraries(runtime, run["server"]["requires"], library_cache)
        label = f"{row} on {runtime.label}"
        if missing:
            cells[runtime.label] = "lib"
            print(f"SKIP {label:<26} " + "; ".join(f"{n} cannot be loaded by {runtime.path} ({why})"
                                                   for n, why in missing.items()), flush=True)
            continue
        reason = "; ".join(f"{n}: {r}" for n, r in run["unsupported"].items())
        if reason and not args.try_unsupported:
            cells[runtime.label] = "unsup"
            print(f"SKIP {label:<26} unsupported on {runtime.kind}: {reason}", flush=True)
            continue
        report.run_failed = 0
        report.quiet = bool(reason)
        check_server(report, run, library_cache)
        report.quiet = False
        if reason:
            still = report.run_failed > 0
            report.check(label, f"still unsupported on {runtime.kind}", still,
                         reason if still else "passes every check now: remove its \"unsupported\" entry")
            cells[runtime.label] = "unsup" if still else "FAIL"
        else:
            cells[runtime.label] = "FAIL" if report.run_failed else "ok"
    rt.print_matrix("server", matrix, runtimes,
                    "ok: every check passed; FAIL: a check failed (above); lib: a library the runtime cannot load; "
                    "unsup: recorded unsupported in the manifest (reason above); blank: not its family")
    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
