'use strict';
// sort: sort N pseudo-random integers in [0, 2^53) -- exact as JavaScript numbers and
// as Python ints -- with the runtime's built-in numeric sort and no user comparator, as
// Python's sorted() does: a Float64Array's sort() orders numbers (Array.prototype.sort
// without a comparator would compare strings, and with one would time O(n log n) calls
// of JavaScript code). The numbers are drawn once, untimed, from a Park-Miller LCG;
// each iteration sorts a fresh copy.
// Size = N; result = "<N>:<min>:<median>:<max>:<sum of 16 evenly spaced values mod 1e9+7>".
const { run } = require('./_protocol');

const MODULUS = 1000000007;

function randomNumbers(count) {
  let state = 20240601;
  const next = () => (state = (state * 48271) % 2147483647);
  const numbers = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const high = next() % 4194304; // 22 bits
    numbers[i] = high * 2147483648 + next(); // high * 2^31 + 31 bits < 2^53
  }
  return numbers;
}

function sortNumbers(numbers) {
  const sorted = numbers.slice().sort();
  const n = sorted.length;
  let probe = 0;
  for (let k = 0; k < 16; k++) {
    probe = (probe + (sorted[Math.floor((k * (n - 1)) / 15)] % MODULUS)) % MODULUS;
  }
  return `${n}:${sorted[0]}:${sorted[n >> 1]}:${sorted[n - 1]}:${probe}`;
}

run({ name: 'sort', defaultSize: 100000, minSize: 1, setup: randomNumbers, kernel: sortNumbers });
