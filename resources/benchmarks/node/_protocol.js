'use strict';
// Shared command line and output envelope for the Showdown Node.js benchmark programs.
//
//   node <script> --size N --iterations K --warmup W [--workers N] [--variant NAME]
//
// A benchmark calls run() with its name, a default size and a kernel. run() parses
// the arguments, runs W warm-up and K measured iterations of the kernel (each timed
// with process.hrtime.bigint()), and prints exactly one line of JSON on stdout.
// A kernel may return a Promise: the time then includes awaiting it.
// Bad arguments (an unknown variant too): a message on stderr and exit status 2.
// Iterations that disagree on the result, or a kernel that throws: a message on
// stderr and exit status 1.

const USAGE = '--size N --iterations K --warmup W [--workers N] [--variant NAME]';
const OPTIONS = new Map([
  ['--size', 'size'],
  ['--iterations', 'iterations'],
  ['--warmup', 'warmup'],
  ['--workers', 'workers'],
  ['--variant', 'variant'],
]);
// Options whose value is a name rather than a count.
const TEXT_OPTIONS = new Set(['variant']);

function usageError(message) {
  const script = require('path').basename(process.argv[1] || 'benchmark.js');
  process.stderr.write(`${script}: ${message}\nusage: node ${script} ${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv, { defaultSize, minSize = 1, maxSize = Number.MAX_SAFE_INTEGER, variants = [] }) {
  const opts = { size: defaultSize, iterations: 1, warmup: 0, workers: null, variant: null };
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i];
    let value;
    const eq = flag.indexOf('=');
    if (flag.startsWith('--') && eq > 0) {
      value = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    const key = OPTIONS.get(flag);
    if (key === undefined) usageError(`unknown argument "${argv[i]}"`);
    if (value === undefined) {
      if (i + 1 >= argv.length) usageError(`${flag} needs a value`);
      value = argv[++i];
    }
    if (TEXT_OPTIONS.has(key)) {
      opts[key] = value;
      continue;
    }
    if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      usageError(`${flag} needs a non-negative integer, got "${value}"`);
    }
    opts[key] = Number(value);
  }
  if (opts.size < minSize || opts.size > maxSize) {
    usageError(`--size must be between ${minSize} and ${maxSize}, got ${opts.size}`);
  }
  if (opts.iterations < 1) usageError('--iterations must be at least 1');
  if (opts.workers !== null && opts.workers < 1) usageError('--workers must be at least 1');
  if (variants.length === 0) {
    if (opts.variant !== null) usageError(`this benchmark has no variants, got --variant "${opts.variant}"`);
  } else if (opts.variant === null) {
    // Run by hand without --variant: the first listed variant is the default.
    opts.variant = variants[0];
  } else if (!variants.includes(opts.variant)) {
    usageError(`unknown variant "${opts.variant}"; known variants: ${variants.join(', ')}`);
  }
  return opts;
}

// spec: { name, defaultSize, minSize?, maxSize?, variants?, setup?(size, opts) -> input or Promise,
//         kernel(input, opts) -> string or Promise<string>, teardown?(input) }
// setup() runs once, untimed and awaited (e.g. generating the text a regex benchmark
// searches, or starting a pool of workers); without it the kernel receives the size.
// opts carries size, iterations, warmup, workers (null when not given) and variant (null
// for a benchmark without variants). teardown() runs once after the last iteration,
// untimed, and must release whatever keeps the event loop alive (workers, timers).
// variants: the names this program knows; the first is used when --variant is absent.
// Which runtime runs this program, asked of the runtime itself (PROTOCOL.md, "runtime_info").
// Bun and Deno answer process.version with the Node release whose API they imitate (Bun 1.4.5 says
// v26.3.0), so a result labelled by it would name the wrong runtime: Bun's own version is
// process.versions.bun, Deno's is Deno.version.deno. `node_compat` keeps the imitated Node release.
function runtimeInfo() {
  if (process.versions.bun) {
    return { schema: 1, family: 'javascript', kind: 'bun', version: process.versions.bun, node_compat: process.version };
  }
  if (typeof Deno !== 'undefined' && Deno.version && Deno.version.deno) {
    return { schema: 1, family: 'javascript', kind: 'deno', version: Deno.version.deno, node_compat: process.version };
  }
  return { schema: 1, family: 'javascript', kind: 'node', version: process.version.replace(/^v/, '') };
}

// The envelope's top-level "version": Node's own string as before (v20.20.2), Bun's and Deno's own
// versions for them (never the Node release they imitate).
function reportedVersion(info) {
  return info.kind === 'node' ? process.version : info.version;
}

function run(spec) {
  const opts = parseArgs(process.argv.slice(2), spec);
  const fail = (message) => {
    process.stderr.write(`${spec.name}: ${message}\n`);
    process.exit(1);
  };
  let input = opts.size;
  const warmupNs = [];
  const iterationsNs = [];
  let result = null;

  const check = (value, label) => {
    if (typeof value !== 'string') fail(`kernel returned ${typeof value}, not a string`);
    if (result !== null && value !== result) {
      fail(`${label} gave result "${value}", an earlier iteration gave "${result}"`);
    }
    result = value;
  };

  // Synchronous kernels are timed without any await, so a Promise's microtask
  // scheduling is never added to their times.
  const timeOne = async (into, label) => {
    const start = process.hrtime.bigint();
    let value = spec.kernel(input, opts);
    if (value !== null && typeof value === 'object' && typeof value.then === 'function') value = await value;
    const end = process.hrtime.bigint();
    into.push(Number(end - start));
    check(value, label);
  };

  const all = async () => {
    if (spec.setup) input = await spec.setup(opts.size, opts);
    for (let i = 0; i < opts.warmup; i++) await timeOne(warmupNs, `warm-up iteration ${i + 1}`);
    for (let i = 0; i < opts.iterations; i++) await timeOne(iterationsNs, `iteration ${i + 1}`);
    if (spec.teardown) await spec.teardown(input);

    const extra = { size: opts.size };
    if (opts.workers !== null) extra.workers = opts.workers;
    if (opts.variant !== null) extra.variant = opts.variant;
    const runtime = runtimeInfo();
    const line = JSON.stringify({
      protocol: 1,
      benchmark: spec.name,
      runtime: 'node',
      version: reportedVersion(runtime),
      runtime_info: runtime,
      warmup_ns: warmupNs,
      iterations_ns: iterationsNs,
      result,
      peak_rss_kb: process.resourceUsage().maxRSS,
      extra,
    });
    process.stdout.write(line + '\n');
  };

  all().catch((error) => fail(`failed: ${error && error.stack ? error.stack : error}`));
}

module.exports = { run, parseArgs, runtimeInfo, reportedVersion };
