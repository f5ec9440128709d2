'use strict';
// fasta (Benchmarks Game): generate DNA sequences -- a repeated ALU sequence and two
// random sequences drawn with the Benchmarks Game LCG from weighted alphabets.
// The output is built in memory, in Buffers (never printed). Size = n (the Benchmarks Game
// argument: 2n + 3n + 5n nucleotides); result = "<output length>:<md5 of the output>".
const crypto = require('crypto');
const { run } = require('./_protocol');

const LINE_WIDTH = 60;

const ALU =
  'GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG' +
  'GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA' +
  'CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT' +
  'ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA' +
  'GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG' +
  'AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC' +
  'AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA';

const IUB = [
  ['a', 0.27], ['c', 0.12], ['g', 0.12], ['t', 0.27],
  ['B', 0.02], ['D', 0.02], ['H', 0.02], ['K', 0.02], ['M', 0.02], ['N', 0.02],
  ['R', 0.02], ['S', 0.02], ['V', 0.02], ['W', 0.02], ['Y', 0.02],
];

const HOMO_SAPIENS = [
  ['a', 0.3029549426680], ['c', 0.1979883004921], ['g', 0.1975473066391], ['t', 0.3015094502008],
];

const IM = 139968;
const IA = 3877;
const IC = 29573;

class Random {
  constructor() { this.last = 42; }
  next() {
    this.last = (this.last * IA + IC) % IM;
    return this.last / IM;
  }
}

// Each section is written into its own Buffer: the header line, then the sequence
// wrapped at LINE_WIDTH characters, every line ending in "\n".
function sectionBuffer(header, n) {
  const out = Buffer.allocUnsafe(header.length + 1 + n + Math.ceil(n / LINE_WIDTH));
  const pos = out.write(header + '\n', 'latin1');
  return { out, pos };
}

function repeatFasta(header, sequence, n) {
  const { out, pos } = sectionBuffer(header, n);
  const source = Buffer.from(sequence, 'latin1');
  let p = pos;
  let k = 0;
  for (let i = 1; i <= n; i++) {
    out[p++] = source[k];
    if (++k === source.length) k = 0;
    if (i % LINE_WIDTH === 0 || i === n) out[p++] = 10; // '\n'
  }
  return out;
}

function randomFasta(header, table, n, random) {
  const { out, pos } = sectionBuffer(header, n);
  const symbols = table.map(([symbol]) => symbol.charCodeAt(0));
  const cumulative = [];
  let total = 0;
  for (const [, probability] of table) {
    total += probability;
    cumulative.push(total);
  }
  const last = symbols.length - 1;
  let p = pos;
  for (let i = 1; i <= n; i++) {
    const r = random.next();
    let k = 0;
    while (k < last && cumulative[k] <= r) k++; // the first k with r < cumulative[k]
    out[p++] = symbols[k];
    if (i % LINE_WIDTH === 0 || i === n) out[p++] = 10; // '\n'
  }
  return out;
}

// The complete fasta output for n, byte for byte as the Benchmarks Game program prints it.
function fastaBuffer(n) {
  const random = new Random();
  return Buffer.concat([
    repeatFasta('>ONE Homo sapiens alu', ALU, n * 2),
    randomFasta('>TWO IUB ambiguity codes', IUB, n * 3, random),
    randomFasta('>THREE Homo sapiens frequency', HOMO_SAPIENS, n * 5, random),
  ]);
}

function fasta(n) {
  const output = fastaBuffer(n);
  const md5 = crypto.createHash('md5').update(output).digest('hex');
  return `${output.length}:${md5}`;
}

module.exports = { fastaBuffer };

if (require.main === module) {
  run({ name: 'fasta', defaultSize: 1000, minSize: 0, kernel: fasta });
}
