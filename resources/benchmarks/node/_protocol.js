'use strict';
// Shared command line and output envelope for the Showdown Node.js benchmark programs.
//
//   node <script> --size N --iterations K --warmup W [--workers N]
//
// A benchmark calls run() with its name, a default size and a kernel. run() parses
// the arguments, runs W warm-up and K measured iterations of the kernel (each timed
// with process.hrtime.bigint()), and prints exactly one line of JSON on stdout.
// Bad arguments: a message on stderr and exit status 2. Iterations that disagree on
// the result: a message on stderr and exit status 1.

const USAGE = '--size N --iterations K --warmup W [--workers N]';
const OPTIONS = new Map([
  ['--size', 'size'],
  ['--iterations', 'iterations'],
  ['--warmup', 'warmup'],
  ['--workers', 'workers'],
]);

function usageError(message) {
  const script = require('path').basename(process.argv[1] || 'benchmark.js');
  process.stderr.write(`${script}: ${message}\nusage: node ${script} ${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv, { defaultSize, minSize = 1, maxSize = Number.MAX_SAFE_INTEGER }) {
  const opts = { size: defaultSize, iterations: 1, warmup: 0, workers: null };
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
  return opts;
}

// spec: { name, defaultSize, minSize?, maxSize?, setup?(size) -> input, kernel(input) -> string }
// setup() runs once, untimed (e.g. generating the text a regex benchmark searches);
// without it the kernel receives the size.
function run(spec) {
  const opts = parseArgs(process.argv.slice(2), spec);
  const input = spec.setup ? spec.setup(opts.size) : opts.size;
  const warmupNs = [];
  const iterationsNs = [];
  let result = null;

  const timeOne = (into, label) => {
    const start = process.hrtime.bigint();
    const value = spec.kernel(input);
    const end = process.hrtime.bigint();
    into.push(Number(end - start));
    if (typeof value !== 'string') {
      process.stderr.write(`${spec.name}: kernel returned ${typeof value}, not a string\n`);
      process.exit(1);
    }
    if (result !== null && value !== result) {
      process.stderr.write(`${spec.name}: ${label} gave result "${value}", an earlier iteration gave "${result}"\n`);
      process.exit(1);
    }
    result = value;
  };

  for (let i = 0; i < opts.warmup; i++) timeOne(warmupNs, `warm-up iteration ${i + 1}`);
  for (let i = 0; i < opts.iterations; i++) timeOne(iterationsNs, `iteration ${i + 1}`);

  const extra = { size: opts.size };
  if (opts.workers !== null) extra.workers = opts.workers;
  const line = JSON.stringify({
    protocol: 1,
    benchmark: spec.name,
    runtime: 'node',
    version: process.version,
    warmup_ns: warmupNs,
    iterations_ns: iterationsNs,
    result,
    peak_rss_kb: process.resourceUsage().maxRSS,
    extra,
  });
  process.stdout.write(line + '\n');
}

module.exports = { run, parseArgs };
