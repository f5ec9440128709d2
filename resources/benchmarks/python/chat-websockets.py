"""WebSocket chat room on the websockets library: every message is broadcast to every client.

    /usr/bin/python3 chat-websockets.py [--port P]

Clients connect to ws://127.0.0.1:P/chat; each text (or binary) message a client sends goes,
unchanged, to every open connection, the sender included, through websockets.broadcast().
"""

import asyncio
import http
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _server  # noqa: E402

CLIENTS = set()
CLOSE_TIMEOUT_S = 0.25


async def only_chat(path, request_headers):
    """Refuse the handshake on any path but /chat with the protocol's plain 404."""
    if path.split("?", 1)[0] != "/chat":
        return http.HTTPStatus.NOT_FOUND, [("Content-Type", _server.TEXT_PLAIN)], _server.NOT_FOUND
    return None


async def serve(websockets, sock):
    async def chat(websocket):
        CLIENTS.add(websocket)
        try:
            async for message in websocket:
                websockets.broadcast(CLIENTS, message)
        except websockets.ConnectionClosed:
            pass
        finally:
            CLIENTS.discard(websocket)

    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    # No keep-alive pings (ws for Node sends none) and no compression (ws leaves it off on servers),
    # so both chat servers move the same frames. On shutdown each connection waits close_timeout for
    # the client's closing handshake; the default 10 s would overrun the protocol's 2 s.
    async with websockets.serve(chat, sock=sock, process_request=only_chat, ping_interval=None,
                                compression=None, close_timeout=CLOSE_TIMEOUT_S, backlog=_server.BACKLOG):
        _server.print_ready("chat-websockets", _server.bound_port(sock),
                            {"server": "websockets", "loop": _server.loop_kind()})
        await stop.wait()
        _server.arm_exit_deadline()


def main():
    args = _server.parse_args(__doc__.splitlines()[0])
    websockets = _server.require("websockets", "python3-websockets")
    _server.raise_file_limit()
    sock = _server.listen_socket(args.port)
    asyncio.run(serve(websockets, sock))


if __name__ == "__main__":
    main()
