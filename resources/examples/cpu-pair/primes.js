'use strict';
// Counts the primes below N by trial division: the same function, statement for statement, as primes.py.
function countPrimes(limit) {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

const limit = Number.parseInt(process.argv[2], 10);
if (!Number.isInteger(limit) || limit < 0) {
  console.error('usage: primes.js N');
  process.exit(2);
}
console.log(String(countPrimes(limit)));
