'use strict';
// The order-summary route in Express: the same JSON transformation as app.py's FastAPI route.
// Express comes from Showdown's own resources/benchmarks/node/node_modules: showdown.json sets NODE_PATH
// to it (relative to this folder). A project of your own finds it in its own node_modules instead.
const express = require('express');

const port = Number.parseInt(process.argv[2], 10);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error('usage: server.js PORT');
  process.exit(2);
}

function summarise(order) {
  const lines = order.items.map((item) => ({ sku: item.sku.toUpperCase(), total_cents: item.price_cents * item.qty }));
  lines.sort((a, b) => b.total_cents - a.total_cents || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  const total = lines.reduce((sum, line) => sum + line.total_cents, 0);
  return { customer: order.customer.trim().toLowerCase(), items: lines.length, total_cents: total, lines };
}

const app = express();
app.use(express.json());
app.get('/health', (req, res) => res.type('text/plain').send('ok'));
app.post('/summary', (req, res) => {
  const order = req.body;
  if (!order || typeof order.customer !== 'string' || !Array.isArray(order.items)) {
    res.status(422).json({ error: 'customer (string) and items (array) are required' });
    return;
  }
  res.json(summarise(order));
});
app.listen(port, '127.0.0.1');
