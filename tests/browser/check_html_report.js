#!/usr/bin/env node
// Opens an HTML report in headless Chromium (Debian's `chromium`) and checks it the way a reader would meet it:
// no console error, no exception, no network request (only the file itself and data: URLs), the expected number
// of charts drawn, a hover over a bar and over a point showing their values, a legend click hiding its series,
// a header click sorting a table, and the charts redrawn within a narrow window. Prints one JSON object with what
// it saw (for the QtTest that runs it to compare with the analysis) and exits 1 when a check fails, 2 when the
// browser cannot be driven at all.
//
// Chromium is driven over the DevTools protocol on --remote-debugging-pipe: commands go to its fd 3 and replies
// come from its fd 4, JSON messages separated by NUL bytes. No dependency, no WebSocket, no port.
//
// usage: node check_html_report.js REPORT.html EXPECTED_CHARTS [CHROMIUM]
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const [reportPath, expectedArg, chromiumArg] = process.argv.slice(2);
if (!reportPath || expectedArg === undefined) {
  process.stderr.write('usage: node check_html_report.js REPORT.html EXPECTED_CHARTS [CHROMIUM]\n');
  process.exit(2);
}
const reportUrl = pathToFileURL(path.resolve(reportPath)).href;
const expectedCharts = Number(expectedArg);
const chromium = chromiumArg || process.env.CHROMIUM || 'chromium';
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'showdown-chromium-'));

const args = ['--headless=new', '--remote-debugging-pipe', `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check',
  '--disable-gpu', '--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', '--window-size=1280,1600', 'about:blank'];
// Chromium's sandbox refuses to start as root (CI containers): the page is our own file, opened with no network.
if (typeof process.getuid === 'function' && process.getuid() === 0) args.unshift('--no-sandbox');

// Its own process group, so the renderer and helper processes go with it when it is killed.
// TMPDIR inside the profile: a killed browser leaves its singleton socket folder there, removed with the profile.
const browser = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true,
  env: { ...process.env, TMPDIR: profile } });
let stderr = '';
browser.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
const toBrowser = browser.stdio[3];
const fromBrowser = browser.stdio[4];

let finished = false;
let closing = false;  // Browser.close was sent: its exit is expected
function finish(code, output) {
  if (finished) return;
  finished = true;
  clearTimeout(deadline);
  if (output) process.stdout.write(JSON.stringify(output, null, 2) + '\n');
  try { process.kill(-browser.pid, 'SIGKILL'); } catch (e) { /* already gone */ }
  // The profile goes once the browser is gone (it writes into it until then).
  const cleanUp = () => fs.rmSync(profile, { recursive: true, force: true });
  if (browser.exitCode !== null || browser.signalCode !== null) { cleanUp(); process.exit(code); }
  browser.once('exit', () => { cleanUp(); process.exit(code); });
}
const deadline = setTimeout(() => {
  process.stderr.write('check_html_report: timed out driving chromium\n' + stderr);
  finish(2);
}, 60000);
browser.on('error', (error) => {
  process.stderr.write(`check_html_report: cannot start ${chromium}: ${error.message} (bootstrap.sh installs chromium)\n`);
  finish(2);
});
browser.on('exit', (code, signal) => {
  if (!finished && !closing) {
    process.stderr.write(`check_html_report: chromium exited early (${code ?? signal})\n${stderr}`);
    finish(2);
  }
});

// ------------------------------------------------------------------ the protocol
let nextId = 1;
const pending = new Map();
const listeners = [];
let buffered = Buffer.alloc(0);
fromBrowser.on('data', (chunk) => {
  buffered = Buffer.concat([buffered, chunk]);
  let end;
  while ((end = buffered.indexOf(0)) >= 0) {
    const message = JSON.parse(buffered.subarray(0, end).toString('utf8'));
    buffered = buffered.subarray(end + 1);
    if (message.id !== undefined && pending.has(message.id)) {
      const { resolve, reject, method } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    } else if (message.method) {
      listeners.forEach((listener) => listener(message));
    }
  }
});

function send(method, params = {}, sessionId) {
  const id = nextId++;
  const message = { id, method, params };
  if (sessionId) message.sessionId = sessionId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, method });
    toBrowser.write(JSON.stringify(message) + '\0');
  });
}

function waitFor(method, sessionId) {
  return new Promise((resolve) => {
    const listener = (message) => {
      if (message.method === method && message.sessionId === sessionId) {
        listeners.splice(listeners.indexOf(listener), 1);
        resolve(message.params);
      }
    };
    listeners.push(listener);
  });
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------------ the checks
async function main() {
  const problems = [];
  const errors = [];
  const requests = [];
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const page = (method, params) => send(method, params, sessionId);
  listeners.push((message) => {
    if (message.sessionId !== sessionId) return;
    const p = message.params;
    if (message.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert' || p.type === 'warning'))
      errors.push(`console.${p.type}: ${p.args.map((a) => a.value ?? a.description).join(' ')}`);
    else if (message.method === 'Runtime.exceptionThrown')
      errors.push(`exception: ${p.exceptionDetails.exception?.description ?? p.exceptionDetails.text}`);
    else if (message.method === 'Log.entryAdded' && (p.entry.level === 'error' || p.entry.level === 'warning'))
      errors.push(`log ${p.entry.level} (${p.entry.source}): ${p.entry.text}`);
    else if (message.method === 'Network.requestWillBeSent')
      requests.push(p.request.url);
  });
  await Promise.all([page('Runtime.enable'), page('Log.enable'), page('Network.enable'), page('Page.enable')]);
  const loaded = waitFor('Page.loadEventFired', sessionId);
  await page('Page.navigate', { url: reportUrl });
  await loaded;
  await delay(300);

  const evaluate = async (expression) => {
    const { result, exceptionDetails } = await page('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(`evaluating ${expression.slice(0, 60)}…: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
  // The centre of the first element matching `selector` (inside the n-th chart when given), scrolled into view.
  const centre = (selector) => evaluate(`(() => {
      const element = document.querySelector(${JSON.stringify(selector)});
      if (!element) return null;
      element.scrollIntoView({ block: 'center' });
      const r = element.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, tip: element.getAttribute('data-tip') };
    })()`);
  const hover = async (selector) => {
    const at = await centre(selector);
    if (!at) return { found: false };
    await page('Input.dispatchMouseEvent', { type: 'mouseMoved', x: at.x, y: at.y });
    await delay(50);
    const shown = await evaluate(`(() => { const tip = document.getElementById('tip'); return { hidden: tip.hidden, text: tip.textContent }; })()`);
    return { found: true, expected: at.tip, shown: shown.hidden ? null : shown.text };
  };
  const click = async (selector) => {
    const at = await centre(selector);
    if (!at) return false;
    for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased'])
      await page('Input.dispatchMouseEvent', { type, x: at.x, y: at.y, button: 'left', clickCount: 1 });
    await delay(50);
    return true;
  };

  if (process.env.CHECK_HTML_EVAL) process.stderr.write(JSON.stringify(await evaluate(process.env.CHECK_HTML_EVAL)) + '\n');
  const charts = await evaluate(`document.querySelectorAll('figure.chart svg').length`);
  const figures = await evaluate(`document.querySelectorAll('figure.chart').length`);
  if (charts !== expectedCharts) problems.push(`${charts} charts drawn, expected ${expectedCharts}`);
  if (figures !== charts) problems.push(`${figures} chart figures but ${charts} drawn`);

  // Hover: a bar, and a point, show their own tooltip texts.
  const bar = await hover('figure.chart svg rect[data-tip]');
  if (!bar.found) problems.push('no bar with a hover text');
  else if (bar.shown !== bar.expected) problems.push(`hovering a bar showed ${JSON.stringify(bar.shown)}, expected ${JSON.stringify(bar.expected)}`);
  const point = await hover('figure.chart svg circle[data-tip]');
  if (!point.found) problems.push('no point with a hover text');
  else if (point.shown !== point.expected) problems.push(`hovering a point showed ${JSON.stringify(point.shown)}, expected ${JSON.stringify(point.expected)}`);

  // Legend: the first entry of the first chart hides its series (and its helpers); a second click shows it again.
  const seriesCount = (figureId, name) => evaluate(`document.getElementById(${JSON.stringify(figureId)})` +
    `.querySelectorAll('svg [data-series="' + CSS.escape(${JSON.stringify(name)}) + '"]').length`);
  const key = await evaluate(`(() => { const b = document.querySelector('figure.chart .legend button'); return b ? { figure: b.closest('figure').id, name: b.getAttribute('data-key') } : null; })()`);
  const legend = { name: key && key.name };
  if (!key) {
    problems.push('no legend entry');
  } else {
    legend.before = await seriesCount(key.figure, key.name);
    await click(`#${key.figure} .legend button`);
    legend.hidden = await seriesCount(key.figure, key.name);
    legend.pressed = await evaluate(`document.querySelector('#${key.figure} .legend button').getAttribute('aria-pressed')`);
    await click(`#${key.figure} .legend button`);
    legend.shownAgain = await seriesCount(key.figure, key.name);
    if (!(legend.before > 0) || legend.hidden !== 0 || legend.pressed !== 'false' || legend.shownAgain !== legend.before)
      problems.push(`legend toggle of ${key.name}: ${JSON.stringify(legend)}`);
  }

  // Tables: the first numeric header of a table with rows out of order sorts them by its raw values.
  const sortable = await evaluate(`(() => {
      const tables = Array.from(document.querySelectorAll('table.sortable'));
      for (let t = 0; t < tables.length; ++t) {
        const headers = Array.from(tables[t].tHead.rows[0].cells);
        for (let c = 0; c < headers.length; ++c) {
          if (!headers[c].classList.contains('num')) continue;
          const values = Array.from(tables[t].tBodies[0].rows).map((row) => row.cells[c] && row.cells[c].getAttribute('data-sort')).filter((v) => v !== null).map(Number);
          if (values.some((v, i) => i > 0 && v < values[i - 1])) { tables[t].id = tables[t].id || 'sort-check'; return { table: tables[t].id, column: c, header: headers[c].textContent }; }
        }
      }
      return null;
    })()`);
  const sorting = { header: sortable && sortable.header };
  if (!sortable) {
    problems.push('no table with a numeric column out of order to sort');
  } else {
    const column = `(() => Array.from(document.getElementById('${sortable.table}').tBodies[0].rows).map((row) => row.cells[${sortable.column}].textContent))()`;
    const keys = `(() => Array.from(document.getElementById('${sortable.table}').tBodies[0].rows).map((row) => row.cells[${sortable.column}].getAttribute('data-sort')).filter((v) => v !== null).map(Number))()`;
    sorting.before = await evaluate(column);
    await click(`#${sortable.table} thead th:nth-child(${sortable.column + 1})`);
    sorting.after = await evaluate(column);
    const sorted = await evaluate(keys);
    if (JSON.stringify(sorting.before) === JSON.stringify(sorting.after)) problems.push(`clicking "${sortable.header}" left the order unchanged`);
    if (sorted.some((v, i) => i > 0 && v < sorted[i - 1])) problems.push(`clicking "${sortable.header}" did not sort by value: ${sorting.after.join(', ')}`);
  }

  // For a person to look at, in CHECK_HTML_SHOTS=DIR when set: each chart as a PNG, and the window at the
  // Performance section with a hover tooltip showing (report.png, the README's screenshot).
  if (process.env.CHECK_HTML_SHOTS) {
    const rects = await evaluate(`Array.from(document.querySelectorAll('figure.chart')).map((f) => {
        const r = f.getBoundingClientRect();
        return { id: f.id, x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
      })`);
    for (const r of rects) {
      const { data } = await page('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true,
        clip: { x: r.x - 8, y: r.y - 8, width: r.width + 16, height: r.height + 16, scale: 1 } });
      fs.writeFileSync(path.join(process.env.CHECK_HTML_SHOTS, `${r.id}.png`), Buffer.from(data, 'base64'));
    }
    // The window as a reader sees it: the Performance section at the top, the pointer on its second bar.
    await evaluate(`(() => { const h = Array.from(document.querySelectorAll('h2')).find((e) => e.textContent === 'Performance');
      if (h) window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 40); })()`);
    const second = await evaluate(`(() => { const bars = document.querySelectorAll('figure.chart svg rect[data-tip]');
      const r = bars.length > 1 ? bars[1].getBoundingClientRect() : null; return r && { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`);
    if (second) await page('Input.dispatchMouseEvent', { type: 'mouseMoved', x: second.x, y: second.y });
    await delay(100);
    const { data } = await page('Page.captureScreenshot', { format: 'png' });
    fs.writeFileSync(path.join(process.env.CHECK_HTML_SHOTS, 'report.png'), Buffer.from(data, 'base64'));
  }

  // A narrow window: every chart redrawn within it (nothing wider than the page), none lost.
  await page('Emulation.setDeviceMetricsOverride', { width: 420, height: 900, deviceScaleFactor: 1, mobile: false });
  await delay(400);
  const narrow = await evaluate(`(() => {
      const svgs = Array.from(document.querySelectorAll('figure.chart svg'));
      return { charts: svgs.length, widest: Math.max(0, ...svgs.map((s) => s.getBoundingClientRect().width)), page: document.documentElement.clientWidth };
    })()`);
  if (narrow.charts !== expectedCharts) problems.push(`${narrow.charts} charts in a narrow window`);
  if (narrow.widest > narrow.page) problems.push(`a chart ${narrow.widest}px wide in a ${narrow.page}px window`);
  if (process.env.CHECK_HTML_SHOTS) {
    await evaluate(`document.querySelector('figure.chart').scrollIntoView()`);
    const { data } = await page('Page.captureScreenshot', { format: 'png' });
    fs.writeFileSync(path.join(process.env.CHECK_HTML_SHOTS, 'narrow.png'), Buffer.from(data, 'base64'));
  }

  const outside = requests.filter((url) => url !== reportUrl && !url.startsWith('data:'));
  if (outside.length) problems.push(`requests left the file: ${outside.join(', ')}`);
  if (errors.length) problems.push(...errors);
  closing = true;
  await Promise.race([send('Browser.close').catch(() => {}), delay(3000)]);
  finish(problems.length ? 1 : 0, { problems, charts, errors, requests, bar, point, legend, sorting, narrow });
}

main().catch((error) => {
  process.stderr.write(`check_html_report: ${error.stack}\n${stderr}`);
  finish(2);
});
