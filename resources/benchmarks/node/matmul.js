'use strict';
// matmul: multiply two n x n matrices of small integers (0..9) held as doubles, the way
// a JavaScript program without a numeric library would: row-major Float64Arrays and
// plain loops in i-k-j order (the inner loop walks both B and C along a row, which keeps
// it cache-friendly). The inputs are drawn once, untimed, from the Park-Miller LCG the
// Python programs share (A first, then B, row by row). Every product and partial sum is
// an integer below 2^53, so the result is exact whatever the order of summation and
// equals the numpy and pure-Python variants' digit for digit.
// Size = n; result = "<sum of C>:<sum of C[i][j] * (1 + (i * n + j) % 8)>".
const { run } = require('./_protocol');

function setup(n) {
  let state = 42;
  const next = () => (state = (state * 48271) % 2147483647);
  const a = new Float64Array(n * n);
  const b = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) a[i] = next() % 10;
  for (let i = 0; i < n * n; i++) b[i] = next() % 10;
  return { n, a, b };
}

function multiply({ n, a, b }) {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowC = i * n;
    for (let k = 0; k < n; k++) {
      const aik = a[rowC + k];
      const rowB = k * n;
      for (let j = 0; j < n; j++) c[rowC + j] += aik * b[rowB + j];
    }
  }
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n * n; i++) {
    sum += c[i];
    weighted += c[i] * (1 + (i % 8));
  }
  return `${sum}:${weighted}`;
}

run({
  name: 'matmul',
  defaultSize: 128,
  minSize: 1,
  maxSize: 4096,
  variants: ['float64array'],
  setup,
  kernel: multiply,
});
