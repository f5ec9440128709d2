"""HTTP server: a FastAPI application run by uvicorn (one worker, access log off).

    /usr/bin/python3 server-fastapi.py [--port P] [--http httptools|h11] [--loop uvloop|asyncio]

The defaults, httptools and uvloop, are what uvicorn's standard install (uvicorn[standard]) runs and
its deployment docs recommend; h11 on the default asyncio loop is uvicorn's pure-Python fallback,
kept as a separately named server to show what the parser and loop cost.
"""

import asyncio
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _server  # noqa: E402


def make_app(fastapi, responses):
    app = fastapi.FastAPI(openapi_url=None, docs_url=None, redoc_url=None)

    @app.get("/plaintext")
    async def plaintext():
        return responses.PlainTextResponse(_server.MESSAGE)

    # Returning a dict is how FastAPI applications are written: FastAPI encodes it and Starlette's
    # JSONResponse serializes it with compact separators, the same bytes as JSON.stringify.
    @app.get("/json")
    async def json_endpoint():
        return {"message": _server.MESSAGE}

    @app.get("/delay")
    async def delay():
        await asyncio.sleep(_server.DELAY_S)
        return {"message": _server.MESSAGE}

    @app.get("/cpu")
    async def cpu():
        return {"result": _server.cpu_result()}

    @app.exception_handler(404)
    async def not_found(request, exc):
        # FastAPI's own 404 is the JSON {"detail":"Not Found"}; the protocol wants one body everywhere.
        return responses.PlainTextResponse("Not Found", status_code=404)

    return app


def bounded_exit_server(uvicorn):
    class BoundedExitServer(uvicorn.Server):
        """uvicorn's graceful shutdown waits for open connections; the protocol allows 2 s."""

        def handle_exit(self, sig, frame):
            _server.arm_exit_deadline()
            super().handle_exit(sig, frame)

    return BoundedExitServer


def in_use(config):
    """The configuration uvicorn really runs, read from what it loaded and from the running loop: the
    HTTP protocol class its listener instantiates per connection (uvicorn.protocols.http.httptools_impl
    or h11_impl) and the loop's own type."""
    protocol = config.http_protocol_class.__module__.rsplit(".", 1)[-1]
    return {"server": "uvicorn", "http": protocol.removesuffix("_impl"), "loop": _server.loop_kind()}


async def serve(uvicorn, config, sock):
    server = bounded_exit_server(uvicorn)(config)
    serving = asyncio.create_task(server.serve(sockets=[sock]))
    # uvicorn says nothing machine-readable when it listens; it sets `started` once it does.
    while not server.started:
        if serving.done():
            serving.result()
            _server.fail("uvicorn stopped before it was listening")
        await asyncio.sleep(0.01)
    _server.print_ready("fastapi", _server.bound_port(sock), in_use(config))
    await serving  # uvicorn's own SIGTERM handler ends serve(); closing is bounded below


def configure(parser):
    parser.add_argument("--http", choices=("httptools", "h11"), default="httptools",
                        help="uvicorn's HTTP protocol implementation (default: httptools)")
    parser.add_argument("--loop", choices=("uvloop", "asyncio"), default="uvloop",
                        help="event loop (default: uvloop)")


def main():
    args = _server.parse_args(__doc__.splitlines()[0], configure=configure)
    fastapi = _server.require("fastapi", "python3-fastapi")
    responses = _server.require("fastapi.responses", "python3-fastapi")
    uvicorn = _server.require("uvicorn", "python3-uvicorn")
    # uvicorn silently falls back to h11 or asyncio when "auto" finds no httptools or uvloop; naming
    # them explicitly and importing them here makes a missing package an error instead.
    _server.require(args.http, f"python3-{args.http}")
    if args.loop == "uvloop":
        _server.require("uvloop", "python3-uvloop")
    _server.raise_file_limit()
    sock = _server.listen_socket(args.port)
    config = uvicorn.Config(make_app(fastapi, responses), http=args.http, loop=args.loop, lifespan="off",
                            access_log=False, log_level="warning", workers=1, backlog=_server.BACKLOG,
                            timeout_keep_alive=_server.IDLE_TIMEOUT_S, server_header=False)
    # uvicorn's own run() installs the loop before it starts one; serve(), used here to hand it our
    # socket, does not, so the loop policy (uvloop's for loop="uvloop") is set before asyncio.run.
    config.setup_event_loop()
    asyncio.run(serve(uvicorn, config, sock))


if __name__ == "__main__":
    main()
