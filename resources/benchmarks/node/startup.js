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
  process.stdout.write('{"protocol":1,"benchmark":"startup","runtime":"node","version":"' +
    process.version + '","warmup_ns":[],"iterations_ns":[],"result":"ok","extra":{}}\n');
} else {
  process.stderr.write('startup.js: bad arguments\n' +
    'usage: node startup.js --size N --iterations K --warmup W [--workers N]\n');
  process.exitCode = 2;
}
