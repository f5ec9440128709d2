'use strict';
// Null program: start-up time. Deliberately does the least possible work: no require()
// (no shared helper) and the protocol line is written by hand.
// The harness measures this program's process wall time itself.
const args = process.argv.slice(2).flatMap((arg) => (arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg]));
let ok = true;
for (let i = 0; i < args.length; i += 2) {
  if (!['--size', '--iterations', '--warmup', '--workers'].includes(args[i]) ||
      i + 1 >= args.length || !/^[0-9]+$/.test(args[i + 1])) {
    ok = false;
  }
}
if (ok) {
  // runtime_info as _protocol.js's runtimeInfo() builds it, inlined so no require() is timed.
  const deno = typeof Deno !== 'undefined' && Deno.version ? Deno.version.deno : null;
  const own = process.versions.bun || deno;
  const kind = process.versions.bun ? 'bun' : deno ? 'deno' : 'node';
  const info = own ? '","version":"' + own + '","node_compat":"' + process.version
    : '","version":"' + process.version.slice(1);
  process.stdout.write('{"protocol":1,"benchmark":"startup","runtime":"node","version":"' + (own || process.version) +
    '","runtime_info":{"schema":1,"family":"javascript","kind":"' + kind + info +
    '"},"warmup_ns":[],"iterations_ns":[],"result":"ok","extra":{}}\n');
} else {
  process.stderr.write('startup.js: bad arguments\n' +
    'usage: node startup.js --size N --iterations K --warmup W [--workers N]\n');
  process.exitCode = 2;
}
