'use strict';
// fannkuch-redux (Benchmarks Game): for every permutation of 1..n, count the prefix
// reversals ("pancake flips") until the first element is 1.
// Size = n; result = "checksum:maxflips" (for n = 7: "228:16").
const { run } = require('./_protocol');

function fannkuch(n) {
  const perm = new Int32Array(n);   // the permutation being flipped
  const perm1 = new Int32Array(n);  // the current permutation, in generation order
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) perm1[i] = i;
  let maxFlips = 0;
  let checksum = 0;
  let permIndex = 0;
  let r = n;

  for (;;) {
    while (r !== 1) {
      count[r - 1] = r;
      r--;
    }

    perm.set(perm1);
    let flips = 0;
    let first = perm[0];
    while (first !== 0) {
      // reverse perm[0..first]
      for (let lo = 0, hi = first; lo < hi; lo++, hi--) {
        const t = perm[lo];
        perm[lo] = perm[hi];
        perm[hi] = t;
      }
      flips++;
      first = perm[0];
    }
    if (flips > maxFlips) maxFlips = flips;
    checksum += permIndex % 2 === 0 ? flips : -flips;

    // next permutation: rotate the first r + 1 elements left until a counter is left
    for (;;) {
      if (r === n) return `${checksum}:${maxFlips}`;
      const perm0 = perm1[0];
      for (let i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = perm0;
      count[r]--;
      if (count[r] > 0) break;
      r++;
    }
    permIndex++;
  }
}

run({ name: 'fannkuch', defaultSize: 7, minSize: 1, maxSize: 12, kernel: fannkuch });
