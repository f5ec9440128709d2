'use strict';
// regex (after the Benchmarks Game's regex-redux): on the output of the fasta program,
// strip the headers and line breaks, count the matches of nine DNA 8-mer variant
// patterns, then apply five alternation substitutions in turn.
// The input text is generated once, untimed (fasta.js). Size = the fasta n;
// result = "<nine counts, comma-separated>:<input length>:<cleaned length>:<final length>".
const { run } = require('./_protocol');
const { fastaBuffer } = require('./fasta');

const VARIANTS = [
  'agggtaaa|tttaccct',
  '[cgt]gggtaaa|tttaccc[acg]',
  'a[act]ggtaaa|tttacc[agt]t',
  'ag[act]gtaaa|tttac[agt]ct',
  'agg[act]taaa|ttta[agt]cct',
  'aggg[acg]aaa|ttt[cgt]ccct',
  'agggt[cgt]aa|tt[acg]accct',
  'agggta[cgt]a|t[acg]taccct',
  'agggtaa[cgt]|[acg]ttaccct',
];

const SUBSTITUTIONS = [
  ['tHa[Nt]', '<4>'],
  ['aND|caN|Ha[DS]|WaS', '<3>'],
  ['a[NSt]|BY', '<2>'],
  ['<[^>]*>', '|'],
  ['\\|[^|][^|]*\\|', '-'],
];

function regex(input) {
  const sequence = input.replace(/>.*\n|\n/g, '');
  const counts = VARIANTS.map((pattern) => {
    const matches = sequence.match(new RegExp(pattern, 'g'));
    return matches === null ? 0 : matches.length;
  });
  let replaced = sequence;
  for (const [pattern, replacement] of SUBSTITUTIONS) {
    replaced = replaced.replace(new RegExp(pattern, 'g'), replacement);
  }
  return `${counts.join(',')}:${input.length}:${sequence.length}:${replaced.length}`;
}

run({
  name: 'regex',
  defaultSize: 1000,
  minSize: 0,
  setup: (n) => fastaBuffer(n).toString('latin1'),
  kernel: regex,
});
