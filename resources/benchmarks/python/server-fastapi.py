"""HTTP server: a FastAPI application run by uvicorn (h11 parser, one worker, access log off).

    /usr/bin/python3 server-fastapi.py --port P
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


async def serve(uvicorn, app, sock):
    config = uvicorn.Config(app, http="h11", loop="asyncio", lifespan="off", access_log=False,
                            log_level="warning", workers=1, backlog=_server.BACKLOG,
                            timeout_keep_alive=_server.IDLE_TIMEOUT_S, server_header=False)
    server = bounded_exit_server(uvicorn)(config)
    serving = asyncio.create_task(server.serve(sockets=[sock]))
    # uvicorn says nothing machine-readable when it listens; it sets `started` once it does.
    while not server.started:
        if serving.done():
            serving.result()
            _server.fail("uvicorn stopped before it was listening")
        await asyncio.sleep(0.01)
    _server.print_ready("fastapi")
    await serving  # uvicorn's own SIGTERM handler ends serve(); closing is bounded below


def main():
    args = _server.parse_args(__doc__.splitlines()[0])
    fastapi = _server.require("fastapi", "python3-fastapi")
    responses = _server.require("fastapi.responses", "python3-fastapi")
    uvicorn = _server.require("uvicorn", "python3-uvicorn")
    _server.require("h11", "python3-h11")
    _server.raise_file_limit()
    sock = _server.listen_socket(args.port)
    asyncio.run(serve(uvicorn, make_app(fastapi, responses), sock))


if __name__ == "__main__":
    main()
