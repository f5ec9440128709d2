'use strict';
// word-count: split a text of N words into words and count each distinct word in a
// hash map (Map). The words are separated by single spaces and newlines, so both
// programs split the same way with the same two built-ins: newlines replaced by
// spaces, then a split on the literal " " (no regular expression on either side).
// The text is generated once, untimed, from a Park-Miller LCG: a 20,000-word vocabulary
// of lowercase pseudo-words, drawn with a skew so that a few words are frequent and
// most are rare, 12 words to a line.
// Size = N (words); result = "<words>:<distinct words>:<highest count>:<count of the word 'the'>".
const { run } = require('./_protocol');

const VOCABULARY_SIZE = 20000;
const LETTERS = 'etaoinshrdlucmfwypvbgkjqxz';

function generateText(words) {
  let state = 7;
  const next = () => (state = (state * 48271) % 2147483647);
  const vocabulary = ['the'];
  while (vocabulary.length < VOCABULARY_SIZE) {
    let word = '';
    for (let length = 2 + (next() % 9); length > 0; length--) {
      word += LETTERS[Math.min(next() % 32, 25)];
    }
    vocabulary.push(word);
  }
  const parts = [];
  for (let i = 0; i < words; i++) {
    const rank = next() % VOCABULARY_SIZE;
    parts.push(vocabulary[next() % (rank + 1)]); // skewed towards the first words
    if (i < words - 1) parts.push(i % 12 === 11 ? '\n' : ' ');
  }
  return parts.join('');
}

function wordCount(text) {
  const counts = new Map();
  for (const word of text.replaceAll('\n', ' ').split(' ')) {
    if (word === '') continue;
    counts.set(word, (counts.get(word) || 0) + 1);
  }
  let total = 0;
  let highest = 0;
  for (const count of counts.values()) {
    total += count;
    if (count > highest) highest = count;
  }
  return `${total}:${counts.size}:${highest}:${counts.get('the') || 0}`;
}

run({ name: 'word-count', defaultSize: 100000, minSize: 0, setup: generateText, kernel: wordCount });
