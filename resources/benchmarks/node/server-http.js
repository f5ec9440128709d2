'use strict';
// HTTP server on Node's own `http` module (llhttp parses the request line and every header).
//
//   node server-http.js [--port P] [--workers N]
//
// With --workers N > 1 the primary forks N `cluster` workers that share the port (the primary
// accepts and hands connections round-robin, cluster's default on Linux), prints the ready line
// once all of them listen, and stops them on SIGTERM. With port 0 the primary binds one handle
// for the first worker's listen(0) and hands every later worker the same one, so all share the
// port the kernel picked; the ready line gives it, and a worker on any other port is an error.
// Bun's cluster has no primary-held handle: each worker binds the port itself with SO_REUSEPORT, and
// the kernel spreads connections over them. A listen(0) there gives each worker a port of its own,
// so on Bun the primary starts one worker on port 0 and the others, once it listens, on its port.

const cluster = require('cluster');
const http = require('http');
const server = require('./_server.js');

// What the ready line reports as the configuration in use.
const CONFIG = { server: 'node:http', parser: server.PARSER };

// Whether every worker binds the port itself (SO_REUSEPORT) rather than through the primary.
const WORKERS_BIND = server.RUNTIME.kind === 'bun';

// How long the primary waits for every worker to listen before it gives up.
const WORKER_START_TIMEOUT_MS = 15000;

function respond(res, status, contentType, body) {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function handle(req, res) {
  const query = req.url.indexOf('?');
  const route = query === -1 ? req.url : req.url.slice(0, query);
  switch (route) {
    case '/plaintext':
      respond(res, 200, server.TEXT_PLAIN, server.PLAINTEXT);
      break;
    case '/json':
      respond(res, 200, server.APPLICATION_JSON, server.jsonBody());
      break;
    case '/delay':
      setTimeout(() => respond(res, 200, server.APPLICATION_JSON, server.jsonBody()), server.DELAY_MS);
      break;
    case '/cpu':
      respond(res, 200, server.APPLICATION_JSON, server.cpuBody());
      break;
    default:
      respond(res, 404, server.TEXT_PLAIN, server.NOT_FOUND);
  }
}

// One serving process: the whole server with one worker, or a cluster worker.
function serve(port, onListening) {
  const httpServer = http.createServer(handle);
  server.listen(httpServer, port, onListening);
  server.onTerminate(server.closeHttpServer(httpServer));
  return httpServer;
}

function runPrimary(port, workers) {
  let listening = 0;
  let ready = false;
  let stopping = false;

  const stopWorkers = (status) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers);
    if (alive.length === 0) process.exit(status);
    let remaining = alive.length;
    for (const worker of alive) {
      worker.once('exit', () => {
        if (--remaining === 0) process.exit(status);
      });
      worker.process.kill('SIGTERM');
    }
    // A worker that ignores SIGTERM is killed before the protocol's 2 s are up.
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers)) worker.process.kill('SIGKILL');
      process.exit(status);
    }, 1500).unref();
  };

  const startTimer = setTimeout(() => {
    process.stderr.write(`server-http.js: only ${listening} of ${workers} workers listened ` +
      `within ${WORKER_START_TIMEOUT_MS / 1000} s\n`);
    stopWorkers(1);
  }, WORKER_START_TIMEOUT_MS);

  let sharedPort = null;
  cluster.on('listening', (worker, address) => {
    if (sharedPort === null) {
      sharedPort = address.port;
      if (WORKERS_BIND) for (let i = 1; i < workers; i++) cluster.fork({ SHOWDOWN_WORKER_PORT: String(sharedPort) });
    }
    if (address.port !== sharedPort) {
      process.stderr.write(`server-http.js: worker ${worker.process.pid} listens on port ${address.port}, ` +
        `not on the shared port ${sharedPort}\n`);
      clearTimeout(startTimer);
      stopWorkers(1);
      return;
    }
    if (++listening === workers) {
      clearTimeout(startTimer);
      ready = true;
      server.printReady('node-http', sharedPort, CONFIG, workers);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    clearTimeout(startTimer);
    const how = signal ? `signal ${signal}` : `status ${code}`;
    process.stderr.write(`server-http.js: worker ${worker.process.pid} exited (${how}) ` +
      `${ready ? 'while serving' : 'before it was listening'}; stopping the others\n`);
    stopWorkers(1);
  });
  process.on('SIGTERM', () => stopWorkers(0));
  process.on('SIGINT', () => stopWorkers(0));

  for (let i = 0; i < (WORKERS_BIND ? 1 : workers); i++) cluster.fork();
}

function main() {
  const opts = server.parseArgs({ multiProcess: true });
  if (cluster.isWorker) {
    // A worker whose primary is gone (killed without passing on SIGTERM) must not linger.
    process.on('disconnect', () => process.exit(0));
    // On Bun the workers after the first are told the port the first one got (see WORKERS_BIND).
    serve(process.env.SHOWDOWN_WORKER_PORT ? Number(process.env.SHOWDOWN_WORKER_PORT) : opts.port, () => {});
  } else if (opts.workers > 1) {
    runPrimary(opts.port, opts.workers);
  } else {
    const httpServer = serve(opts.port, () => server.printReady('node-http', server.boundPort(httpServer), CONFIG, 1));
  }
}

main();
