'use strict';
// string-build: build a large CSV document of N rows by string concatenation
// (+= of template literals, the everyday JavaScript way), then hash it.
// Size = N (rows); result = "<length>:<md5 of the text>".
const crypto = require('crypto');
const { run } = require('./_protocol');

const PRODUCTS = ['apple', 'banana', 'cherry', 'damson', 'elderberry', 'fig', 'grape'];

function buildCsv(rows) {
  let csv = 'id,product,quantity,price_cents,in_stock\n';
  for (let i = 0; i < rows; i++) {
    const inStock = i % 3 !== 0;
    csv += `${i},${PRODUCTS[i % PRODUCTS.length]},${(i * 7919) % 1000},${(i * 104729) % 100000},${inStock}\n`;
  }
  return csv;
}

function stringBuild(rows) {
  const csv = buildCsv(rows);
  const md5 = crypto.createHash('md5').update(csv).digest('hex');
  return `${csv.length}:${md5}`;
}

run({ name: 'string-build', defaultSize: 100000, minSize: 0, kernel: stringBuild });
