"""HTTP server on the standard library's http.server: ThreadingHTTPServer, one thread per connection.

    /usr/bin/python3 server-threading.py [--port P]

BaseHTTPRequestHandler parses the request line and every header (http.client.parse_headers);
protocol_version HTTP/1.1 keeps connections alive until the client sends Connection: close.
"""

import http.server
import os
import socketserver
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _server  # noqa: E402


class Handler(http.server.BaseHTTPRequestHandler):
    """Serves the protocol's endpoints; the base class writes the status line, Server and Date."""

    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; without TCP_NODELAY the second can wait for the
    # client's delayed ACK (Node, asyncio and waitress all set it too).
    disable_nagle_algorithm = True

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/delay":
            time.sleep(_server.DELAY_S)
            status, content_type, body = 200, _server.APPLICATION_JSON, _server.json_body()
        else:
            status, content_type, body = _server.sync_response(path)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass  # an access log line per request would be measured too


class Server(http.server.ThreadingHTTPServer):
    """ThreadingHTTPServer with a listen backlog deep enough for the connection sweep."""

    request_queue_size = _server.BACKLOG

    def handle_error(self, request, client_address):
        # A client that closes or resets its connection is normal under load (wrk resets every
        # connection at the end); a traceback per connection would flood stderr.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    def server_bind(self):
        # HTTPServer.server_bind also resolves the host's name, which nothing here needs.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


def main():
    args = _server.parse_args(__doc__.splitlines()[0])
    _server.raise_file_limit()
    try:
        server = Server((_server.HOST, args.port), Handler)
    except OSError as e:
        _server.fail(_server.bind_error(args.port, e))
    _server.exit_on_sigterm()
    _server.print_ready("threading", server.server_port,
                        {"server": "http.server.ThreadingHTTPServer", "parser": "http.client.parse_headers"})
    try:
        server.serve_forever()
    finally:
        server.server_close()
        # Interpreter finalization tears the daemon connection threads down one by one, which takes
        # seconds with thousands of idle connections; nothing is left to flush, so leave at once.
        sys.stderr.flush()
        os._exit(0)


if __name__ == "__main__":
    main()
