'use strict';
// reduce: three reductions over two vectors of N small integers (0..15) held as doubles,
// the way a JavaScript program without a numeric library would: Float64Arrays and one
// plain loop per reduction (sum of x, dot product x . y, sum of squares of x), as numpy
// makes one pass per call. The vectors are drawn once, untimed, from the Park-Miller LCG
// the Python programs share: each draw v gives x[i] = v mod 16 and y[i] = (v div 16) mod 16.
// Every partial sum is an integer below 2^53, so the results are exact whatever the
// order of summation and equal the numpy and pure-Python variants' digit for digit.
// Size = N; result = "<sum x>:<x . y>:<x . x>".
const { run } = require('./_protocol');

function setup(count) {
  let state = 2024;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    state = (state * 48271) % 2147483647;
    x[i] = state % 16;
    y[i] = Math.floor(state / 16) % 16;
  }
  return { x, y };
}

function sum(v) {
  let total = 0;
  for (let i = 0; i < v.length; i++) total += v[i];
  return total;
}

function dot(a, b) {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i] * b[i];
  return total;
}

function reduce({ x, y }) {
  return `${sum(x)}:${dot(x, y)}:${dot(x, x)}`;
}

run({
  name: 'reduce',
  defaultSize: 1000000,
  minSize: 1,
  maxSize: 100000000,
  variants: ['float64array'],
  setup,
  kernel: reduce,
});
