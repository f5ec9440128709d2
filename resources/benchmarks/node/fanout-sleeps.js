'use strict';
// fanout-sleeps: start N concurrent 10 ms sleeps on the event loop and await them all --
// the fan-out of a handler that waits on many slow back-ends at once. Each sleep is a
// timers/promises setTimeout (Node's counterpart of asyncio.sleep) resolving to 1, awaited
// together with Promise.all. The time is from starting the first sleep to all of them
// done, so at least 10 ms; what is above that is the cost of managing N pending timers.
// Size = N; result = the number of completed sleeps.
const { setTimeout: sleep } = require('timers/promises');
const { run } = require('./_protocol');

const SLEEP_MS = 10;

async function fanout(count) {
  const done = await Promise.all(Array.from({ length: count }, () => sleep(SLEEP_MS, 1)));
  let completed = 0;
  for (const one of done) completed += one;
  return String(completed);
}

run({ name: 'fanout-sleeps', defaultSize: 10000, minSize: 0, variants: ['promises'], kernel: fanout });
