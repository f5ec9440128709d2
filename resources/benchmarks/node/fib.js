'use strict';
// fib: the naive doubly recursive Fibonacci function -- a test of function calls.
// Size = n; result = fib(n).
const { run } = require('./_protocol');

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

run({ name: 'fib', defaultSize: 25, minSize: 0, maxSize: 50, kernel: (n) => String(fib(n)) });
