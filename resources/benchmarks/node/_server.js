'use strict';
// What every Showdown Node.js server shares, so each one does identical work per request.
//
//   node <server script> [--port P] [--workers N] [server-specific flags]
//
// The contract is PROTOCOL.md section 2: bind 127.0.0.1 only, on port 0 (the kernel picks a free
// port, so there is no race with other programs) unless --port names one, print one JSON ready
// line on stdout once listening that gives the port actually bound and the configuration in use,
// diagnostics on stderr, exit within 2 s of SIGTERM, and exit status 1 with a message (before any
// ready line) when the port is taken or a library is missing.
// Bad arguments: a message on stderr and exit status 2.

const path = require('path');
const { runtimeInfo, reportedVersion } = require('./_protocol');

// The runtime running this server (node, bun or deno), as the measured programs report it.
const RUNTIME = runtimeInfo();

const HOST = '127.0.0.1';
// Deep enough that a burst of 1024 connections is not refused; the kernel caps it at somaxconn.
const BACKLOG = 1024;
// Node closes idle keep-alive connections after 5 s by default; the idle-connection memory
// benchmark must measure open connections, so every server keeps them for this long.
const IDLE_TIMEOUT_MS = 120 * 1000;
// /delay stands in for a database round trip.
const DELAY_MS = 10;
// After SIGTERM a server gets this long to close gracefully before it exits regardless (the
// protocol allows 2 s before the harness kills the process group).
const EXIT_DEADLINE_MS = 1500;

const MESSAGE = 'Hello, World!';
const PLAINTEXT = Buffer.from(MESSAGE);
const NOT_FOUND = Buffer.from('Not Found');
const TEXT_PLAIN = 'text/plain';
const APPLICATION_JSON = 'application/json';

const SCRIPT = path.basename(process.argv[1] || 'server.js');

// Stops the server before it is ready: a message on stderr and exit status 1.
function fail(message) {
  process.stderr.write(`${SCRIPT}: ${message}\n`);
  process.exit(1);
}

function usageError(message, flags) {
  process.stderr.write(`${SCRIPT}: ${message}\nusage: node ${SCRIPT} [--port P]${flags}\n`);
  process.exit(2);
}

// Loads an npm package, or exits 1 saying how to install it (the lock file pins its version).
function requireLibrary(name) {
  try {
    return require(name);
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e;
    fail(`the npm package '${name}' is not installed; run \`npm ci\` in ${__dirname} ` +
      '(package.json and package-lock.json there pin its version)');
  }
  return null;
}

// Parses --port and --workers; `multiProcess` says whether --workers may exceed 1. The harness
// passes no port: port 0 lets the kernel pick a free one at bind time, where a port chosen
// beforehand could be taken by anything else in between. --port is for people.
function parseArgs({ multiProcess = false } = {}) {
  const flags = multiProcess ? ' [--workers N]' : '';
  const opts = { port: 0, workers: 1 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i];
    let value;
    const eq = flag.indexOf('=');
    if (flag.startsWith('--') && eq > 0) {
      value = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    if (flag !== '--port' && flag !== '--workers') usageError(`unknown argument "${argv[i]}"`, flags);
    if (value === undefined) {
      if (i + 1 >= argv.length) usageError(`${flag} needs a value`, flags);
      value = argv[++i];
    }
    if (!/^[0-9]+$/.test(value) || (flag === '--workers' && Number(value) < 1)) {
      usageError(`${flag} needs a ${flag === '--port' ? 'whole number' : 'positive integer'}, got "${value}"`, flags);
    }
    opts[flag.slice(2)] = Number(value);
  }
  if (opts.port > 65535) usageError(`--port must be 0..65535, got ${opts.port}`, flags);
  if (!multiProcess && opts.workers !== 1) {
    usageError(`this server runs in one process; --workers ${opts.workers} is not supported`, flags);
  }
  return opts;
}

function bindError(port, error) {
  if (error.code === 'EADDRINUSE') return `cannot listen on ${HOST}:${port}: the port is already in use`;
  return `cannot listen on ${HOST}:${port}: ${error.message}`;
}

// Applies the settings every server shares and listens; onListening runs once it accepts.
function listen(server, port, onListening) {
  server.keepAliveTimeout = IDLE_TIMEOUT_MS;
  // The request timer must outlast an idle keep-alive connection, or Node ends it first.
  server.headersTimeout = IDLE_TIMEOUT_MS + 1000;
  server.requestTimeout = 0;
  const bindFailed = (e) => fail(bindError(port, e));
  server.once('error', bindFailed);
  server.listen({ host: HOST, port, backlog: BACKLOG }, () => {
    // Once listening, an error (say, out of descriptors on accept) is reported, not fatal.
    server.off('error', bindFailed);
    server.on('error', (e) => process.stderr.write(`${SCRIPT}: ${e.message}\n`));
    onListening();
  });
}

// Tells the harness, in the one stdout line the protocol allows, that every worker listens on
// `port` and which configuration (server, parser, environment) is actually in use.
function printReady(serverName, port, config, workers = 1) {
  process.stdout.write(JSON.stringify({
    protocol: 1,
    ready: true,
    server: serverName,
    runtime: 'node',
    version: reportedVersion(RUNTIME),
    runtime_info: RUNTIME,
    pid: process.pid,
    port,
    workers,
    config,
  }) + '\n');
}

// The port a listening http.Server really has (the kernel's choice when it was asked for port 0).
function boundPort(httpServer) {
  return httpServer.address().port;
}

// The HTTP parser in use. Node parses with llhttp (process.versions names it). Bun and Deno list an
// llhttp version too, for compatibility, but serve node:http from their own native HTTP stacks, so
// the parser reported there is the runtime's own: "bun" or "deno".
const PARSER = RUNTIME.kind !== 'node' ? RUNTIME.kind : (process.versions.llhttp ? 'llhttp' : 'legacy');

// Runs close() on SIGTERM or SIGINT and exits when it calls back, or at the deadline regardless.
function onTerminate(close) {
  let closing = false;
  const handler = () => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(0), EXIT_DEADLINE_MS).unref();
    close(() => process.exit(0));
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}

// Closes an http.Server including its idle keep-alive connections, which server.close() waits for.
function closeHttpServer(server) {
  return (done) => {
    server.close(done);
    server.closeAllConnections();
  };
}

// /json and /delay: the object is built and serialized on every request, as the protocol asks.
function jsonBody() {
  return JSON.stringify({ message: MESSAGE });
}

// /cpu: the fixed CPU work every server does on its serving thread (the result is 667472).
function cpuResult() {
  let acc = 0;
  for (let i = 0; i < 20000; i++) acc = (acc * 31 + i) % 1000003;
  return acc;
}

function cpuBody() {
  return JSON.stringify({ result: cpuResult() });
}

module.exports = {
  RUNTIME, HOST, BACKLOG, IDLE_TIMEOUT_MS, DELAY_MS, MESSAGE, PLAINTEXT, NOT_FOUND, TEXT_PLAIN, APPLICATION_JSON,
  PARSER, fail, requireLibrary, parseArgs, bindError, listen, printReady, boundPort, onTerminate, closeHttpServer,
  jsonBody, cpuResult, cpuBody,
};
