"""HTTP server: a Flask application under a production WSGI server, waitress or gunicorn, 8 threads.

    /usr/bin/python3 server-flask.py [--port P] [--wsgi waitress|gunicorn] [--threads N]

waitress (the default): one process, an asyncore loop thread that parses requests and a pool of N
worker threads. gunicorn: its arbiter (the process the harness starts) and one gthread worker process,
whose selector loop accepts connections and keeps idle keep-alive ones while a pool of N threads
parses and serves requests; Flask's deployment docs list both.
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


def run_waitress(app, port, threads):
    waitress_server = _server.require("waitress.server", "python3-waitress")
    logging.getLogger("waitress").setLevel(logging.ERROR)  # no "Serving on ..." or queue warnings
    try:
        server = waitress_server.create_server(
            app, host=_server.HOST, port=port, threads=threads,
            backlog=_server.BACKLOG, connection_limit=CONNECTION_LIMIT,
            channel_timeout=_server.IDLE_TIMEOUT_S, asyncore_use_poll=True, ident="")
    except OSError as e:
        _server.fail(_server.bind_error(port, e))
    _server.exit_on_sigterm()
    # What waitress really adopted (its Adjustments), not the arguments handed to it.
    _server.print_ready("flask", int(server.effective_port),
                        {"server": "waitress", "threads": server.adj.threads,
                         "poll": "poll" if server.adj.asyncore_use_poll else "select"})
    try:
        server.run()
    finally:
        server.close()


def run_gunicorn(app, port, threads):
    """gunicorn run from this script (its BaseApplication), so the ready line comes from our code: the
    worker prints it from gunicorn's post_worker_init hook, once it is about to serve."""
    base = _server.require("gunicorn.app.base", "python3-gunicorn")
    # The socket is bound here, as every other server binds its own, and handed over as fd://N;
    # gunicorn takes the descriptor over (and closes ours), so it is detached from its Python object.
    sock = _server.listen_socket(port)
    fd = sock.detach()

    def post_worker_init(worker):
        if worker.age != 1:
            return  # a replacement worker: the ready line has been printed once already
        # Read from the worker gunicorn really runs: its class (a sync worker with threads > 1 is
        # silently turned into gthread) and the settings it adopted.
        _server.print_ready("flask-gunicorn", worker.sockets[0].getsockname()[1],
                            {"server": "gunicorn", "worker_class": type(worker).__module__.rsplit(".", 1)[-1],
                             "workers": worker.cfg.workers, "threads": worker.cfg.threads},
                            pid=worker.ppid)

    options = {
        "bind": [f"fd://{fd}"],
        "workers": 1,
        "worker_class": "gthread",
        "threads": threads,
        # gthread stops accepting at worker_connections (default 1000); the sweep opens 1024.
        "worker_connections": CONNECTION_LIMIT,
        "backlog": _server.BACKLOG,
        # Idle keep-alive connections stay open as with every other server (gunicorn's default is 2 s).
        "keepalive": _server.IDLE_TIMEOUT_S,
        # gunicorn waits graceful_timeout (default 30 s) for workers after SIGTERM; the protocol allows 2 s.
        "graceful_timeout": 1,
        "loglevel": "warning",
        "errorlog": "-",
        "accesslog": None,
        "post_worker_init": post_worker_init,
    }

    class Application(base.BaseApplication):
        def load_config(self):
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self):
            return app

    Application().run()


def main():
    def configure(parser):
        parser.add_argument("--wsgi", choices=("waitress", "gunicorn"), default="waitress",
                            help="the WSGI server (default: waitress)")
        parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")

    args = _server.parse_args(__doc__.splitlines()[0], configure=configure)
    if args.threads < 1:
        _server.fail(f"--threads must be at least 1, got {args.threads}")
    flask = _server.require("flask", "python3-flask")
    _server.raise_file_limit()
    if args.wsgi == "gunicorn":
        run_gunicorn(make_app(flask), args.port, args.threads)
    else:
        run_waitress(make_app(flask), args.port, args.threads)


if __name__ == "__main__":
    main()
