"""HTTP server: a Flask application served by waitress (a pure-Python WSGI server), 8 threads.

    /usr/bin/python3 server-flask.py --port P [--threads N]
"""

import logging
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _server  # noqa: E402

# Enough connections for the 1024-connection sweep and the 5000 idle connections; waitress's
# default (100) would refuse most of them.
CONNECTION_LIMIT = 10000


def make_app(flask):
    app = flask.Flask(__name__)

    # flask.jsonify appends a newline to the body; building the Response from the shared
    # serializer keeps the bytes identical to every other server's.
    @app.get("/plaintext")
    def plaintext():
        return flask.Response(_server.PLAINTEXT, mimetype=_server.TEXT_PLAIN)

    @app.get("/json")
    def json_endpoint():
        return flask.Response(_server.json_body(), mimetype=_server.APPLICATION_JSON)

    @app.get("/delay")
    def delay():
        time.sleep(_server.DELAY_S)
        return flask.Response(_server.json_body(), mimetype=_server.APPLICATION_JSON)

    @app.get("/cpu")
    def cpu():
        return flask.Response(_server.cpu_body(), mimetype=_server.APPLICATION_JSON)

    @app.errorhandler(404)
    def not_found(error):
        return flask.Response(_server.NOT_FOUND, status=404, mimetype=_server.TEXT_PLAIN)

    return app


def main():
    args = _server.parse_args(
        __doc__.splitlines()[0],
        configure=lambda p: p.add_argument("--threads", type=int, default=8,
                                           help="waitress worker threads (default 8)"))
    if args.threads < 1:
        _server.fail(f"--threads must be at least 1, got {args.threads}")
    flask = _server.require("flask", "python3-flask")
    waitress_server = _server.require("waitress.server", "python3-waitress")
    _server.raise_file_limit()
    logging.getLogger("waitress").setLevel(logging.ERROR)  # no "Serving on ..." or queue warnings
    try:
        server = waitress_server.create_server(
            make_app(flask), host=_server.HOST, port=args.port, threads=args.threads,
            backlog=_server.BACKLOG, connection_limit=CONNECTION_LIMIT,
            channel_timeout=_server.IDLE_TIMEOUT_S, asyncore_use_poll=True, ident="")
    except OSError as e:
        _server.fail(_server.bind_error(args.port, e))
    _server.exit_on_sigterm()
    _server.print_ready("flask")
    try:
        server.run()
    finally:
        server.close()


if __name__ == "__main__":
    main()
