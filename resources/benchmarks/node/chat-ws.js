'use strict';
// WebSocket chat room on the `ws` library: every message is broadcast to every client.
//
//   node chat-ws.js [--port P]
//
// Clients connect to ws://127.0.0.1:P/chat (P: the port in the ready line); each message a client sends goes, unchanged and as
// the same frame type, to every open connection, the sender included.

const http = require('http');
const path = require('path');
const server = require('./_server.js');

function main() {
  const opts = server.parseArgs();
  const { WebSocketServer, WebSocket } = server.requireLibrary('ws');
  // Plain HTTP requests and upgrades on other paths get the protocol's 404.
  const httpServer = http.createServer((req, res) => {
    res.writeHead(404, { 'Content-Type': server.TEXT_PLAIN, 'Content-Length': server.NOT_FOUND.length });
    res.end(server.NOT_FOUND);
  });
  const wss = new WebSocketServer({ noServer: true });
  httpServer.on('upgrade', (req, socket, head) => {
    if (req.url.split('?', 1)[0] !== '/chat') {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n' +
        'Connection: close\r\n\r\nNot Found');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  wss.on('connection', (ws) => {
    ws.on('error', () => {}); // a client that vanishes is its own business
    ws.on('message', (data, isBinary) => {
      for (const client of wss.clients) {
        if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
      }
    });
  });
  // Bun answers require('ws') with its own native implementation (a name, not a file in node_modules),
  // whatever version npm installed: the ready line says which one serves.
  const library = path.isAbsolute(require.resolve('ws')) ? 'ws' : `${server.RUNTIME.kind}:ws`;
  server.listen(httpServer, opts.port, () => server.printReady('chat-ws', server.boundPort(httpServer),
    { server: library, parser: server.PARSER }, 1));
  server.onTerminate((done) => {
    for (const client of wss.clients) client.terminate();
    httpServer.close(done);
    httpServer.closeAllConnections();
  });
}

main();
