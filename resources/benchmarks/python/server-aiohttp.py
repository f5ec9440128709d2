"""HTTP server on aiohttp.web (aiohttp's own HTTP parser, its router and web.Response).

    /usr/bin/python3 server-aiohttp.py [--port P]
"""

import asyncio
import functools
import json
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _server  # noqa: E402

# Compact separators make json_response's bytes equal JSON.stringify's.
compact_dumps = functools.partial(json.dumps, separators=(",", ":"))


def make_app(web):
    async def plaintext(request):
        return web.Response(body=_server.PLAINTEXT, content_type=_server.TEXT_PLAIN)

    async def json_endpoint(request):
        return web.json_response({"message": _server.MESSAGE}, dumps=compact_dumps)

    async def delay(request):
        await asyncio.sleep(_server.DELAY_S)
        return web.json_response({"message": _server.MESSAGE}, dumps=compact_dumps)

    async def cpu(request):
        return web.json_response({"result": _server.cpu_result()}, dumps=compact_dumps)

    @web.middleware
    async def plain_not_found(request, handler):
        # aiohttp's own 404 body is "404: Not Found"; the protocol wants the same bytes everywhere.
        try:
            return await handler(request)
        except web.HTTPNotFound:
            return web.Response(status=404, body=_server.NOT_FOUND, content_type=_server.TEXT_PLAIN)

    app = web.Application(middlewares=[plain_not_found])
    app.router.add_get("/plaintext", plaintext)
    app.router.add_get("/json", json_endpoint)
    app.router.add_get("/delay", delay)
    app.router.add_get("/cpu", cpu)
    return app


def config():
    """The configuration in use: which request parser aiohttp's protocol really instantiates (its C
    extension, or the pure-Python fallback when the extension failed to load) and the running loop."""
    from aiohttp import web_protocol
    parser = web_protocol.HttpRequestParser.__module__
    return {"server": "aiohttp", "parser": "C" if parser == "aiohttp._http_parser" else "Python",
            "loop": _server.loop_kind()}


async def serve(web, sock):
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    runner = web.AppRunner(make_app(web), handle_signals=False, access_log=None,
                           keepalive_timeout=_server.IDLE_TIMEOUT_S)
    await runner.setup()
    await web.SockSite(runner, sock, backlog=_server.BACKLOG).start()
    _server.print_ready("aiohttp", _server.bound_port(sock), config())
    await stop.wait()
    _server.arm_exit_deadline()
    await runner.cleanup()


def main():
    args = _server.parse_args(__doc__.splitlines()[0])
    web = _server.require("aiohttp.web", "python3-aiohttp")
    _server.raise_file_limit()
    sock = _server.listen_socket(args.port)
    asyncio.run(serve(web, sock))


if __name__ == "__main__":
    main()
