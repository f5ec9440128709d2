'use strict';
// parallel-cpu: a fixed amount of CPU-bound work -- 12 chunks of Park-Miller LCG steps,
// each summing (state mod 1000) over its steps -- spread over a pool of N worker_threads.
// The pool is started in setup and kept warm across iterations (start-up is not timed);
// an iteration hands the chunks out one at a time to whichever worker is free and awaits
// them all, so the work is the same at every worker count and 1-worker time / N-worker
// time is the speed-up.
// Size = total LCG steps (split as evenly as possible over the 12 chunks);
// result = the sum over all chunks, the same for every worker count.
const { Worker, isMainThread, parentPort } = require('worker_threads');

const CHUNKS = 12; // divisible by 1, 2, 3, 4 and 6 workers

function lcgChunk(seed, steps) {
  let state = seed;
  let acc = 0;
  for (let i = 0; i < steps; i++) {
    state = (state * 48271) % 2147483647;
    acc += state % 1000;
  }
  return acc;
}

function chunksFor(size) {
  const chunks = [];
  for (let c = 0; c < CHUNKS; c++) {
    chunks.push({ seed: 1 + c * 7919, steps: Math.floor(size / CHUNKS) + (c < size % CHUNKS ? 1 : 0) });
  }
  return chunks;
}

async function startPool(size, opts) {
  const workers = [];
  for (let i = 0; i < (opts.workers || 1); i++) workers.push(new Worker(__filename));
  await Promise.all(workers.map((worker) => new Promise((resolve, reject) => {
    worker.once('online', resolve);
    worker.once('error', reject);
  })));
  return { workers, chunks: chunksFor(size) };
}

function runOnWorker(worker, chunk) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    const onMessage = (value) => {
      worker.off('error', onError);
      resolve(value);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(chunk);
  });
}

async function parallelCpu({ workers, chunks }) {
  let next = 0;
  let total = 0;
  await Promise.all(workers.map(async (worker) => {
    while (next < chunks.length) {
      // Awaited into a local first: `total += await ...` would read total before the
      // await and lose whatever another worker added meanwhile.
      const value = await runOnWorker(worker, chunks[next++]);
      total += value;
    }
  }));
  return String(total);
}

if (isMainThread) {
  require('./_protocol').run({
    name: 'parallel-cpu',
    defaultSize: 1200000,
    minSize: 0,
    variants: ['worker_threads'],
    setup: startPool,
    kernel: parallelCpu,
    teardown: ({ workers }) => Promise.all(workers.map((worker) => worker.terminate())),
  });
} else {
  parentPort.on('message', ({ seed, steps }) => parentPort.postMessage(lcgChunk(seed, steps)));
}
