'use strict';
// mandelbrot (Benchmarks Game): plot the Mandelbrot set [-1.5-i, 0.5+i] on an n x n
// bitmap (50 iterations, escape at |z| > 2) as a packed PBM image, built in memory.
// Size = n; result = "<points in the set>:<md5 of the PBM image>".
const crypto = require('crypto');
const { run } = require('./_protocol');

const MAX_ITERATIONS = 50;
const LIMIT_SQUARED = 4.0;

function mandelbrot(n) {
  const header = `P4\n${n} ${n}\n`;
  const rowBytes = Math.ceil(n / 8);
  const image = Buffer.alloc(header.length + rowBytes * n);
  let p = image.write(header, 'latin1');
  let inSet = 0;

  for (let y = 0; y < n; y++) {
    const ci = (2.0 * y) / n - 1.0;
    let bits = 0;
    for (let x = 0; x < n; x++) {
      const cr = (2.0 * x) / n - 1.5;
      let zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
      for (let i = 0; i < MAX_ITERATIONS && tr + ti <= LIMIT_SQUARED; i++) {
        zi = 2.0 * zr * zi + ci;
        zr = tr - ti + cr;
        tr = zr * zr;
        ti = zi * zi;
      }
      bits <<= 1;
      if (tr + ti <= LIMIT_SQUARED) {
        bits |= 1;
        inSet++;
      }
      if (x % 8 === 7) {
        image[p++] = bits;
        bits = 0;
      }
    }
    if (n % 8 !== 0) image[p++] = bits << (8 - (n % 8)); // pad the last byte of the row
  }

  const md5 = crypto.createHash('md5').update(image).digest('hex');
  return `${inSet}:${md5}`;
}

run({ name: 'mandelbrot', defaultSize: 200, minSize: 1, kernel: mandelbrot });
