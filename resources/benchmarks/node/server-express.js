'use strict';
// HTTP server on Express (its router and response helpers over Node's `http`, llhttp parser).
//
//   NODE_ENV=production node server-express.js [--port P]
//
// ETag and X-Powered-By are switched off so that its headers are comparable with the others'.
// The manifest starts it with NODE_ENV=production, as Express's production guide asks; the ready
// line reports the environment Express itself adopted (app.get('env')).

const http = require('http');
const server = require('./_server.js');

function makeApp(express) {
  const app = express();
  app.disable('etag');
  app.disable('x-powered-by');
  app.get('/plaintext', (req, res) => {
    res.type(server.TEXT_PLAIN).send(server.MESSAGE);
  });
  // res.json serializes with JSON.stringify per request.
  app.get('/json', (req, res) => {
    res.json({ message: server.MESSAGE });
  });
  app.get('/delay', (req, res) => {
    setTimeout(() => res.json({ message: server.MESSAGE }), server.DELAY_MS);
  });
  app.get('/cpu', (req, res) => {
    res.json({ result: server.cpuResult() });
  });
  // Express's own 404 is an HTML page; the protocol wants the same plain body everywhere.
  app.use((req, res) => {
    res.status(404).type(server.TEXT_PLAIN).send('Not Found');
  });
  return app;
}

function main() {
  const opts = server.parseArgs();
  const express = server.requireLibrary('express');
  const app = makeApp(express);
  const httpServer = http.createServer(app);
  server.listen(httpServer, opts.port, () => server.printReady('express', server.boundPort(httpServer),
    { server: 'express', parser: server.PARSER, env: app.get('env') }, 1));
  server.onTerminate(server.closeHttpServer(httpServer));
}

main();
