'use strict';
// JSON round trip: serialize a document of N records (JSON.stringify), parse it back
// (JSON.parse) and walk the parsed tree. The document is built once, untimed, from a
// Park-Miller LCG; it holds only integers, strings (some non-ASCII, some needing escapes),
// booleans, null, arrays and objects -- no floats, so both languages emit the same bytes.
// Size = number of records; result = "<serialized length>:<checksum of the walked values>".
const { run } = require('./_protocol');

class Lcg {
  constructor(seed) { this.state = seed; }
  next() { this.state = (this.state * 48271) % 2147483647; return this.state; }
  below(n) { return this.next() % n; }
  pick(items) { return items[this.below(items.length)]; }
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'shi', 'zen', 'dor', 'el', 'qua'];
const NOTES = ['Grüße aus Köln', 'naïve café', '日本語のテキスト', 'Ελληνικά', 'price: 5 €',
  'says "hello"', 'back\\slash', 'line one\nline two', 'tab\there', 'bell\u0007 and \u001f', 'plain note'];
const EVENTS = ['login', 'logout', 'purchase', 'view', 'refund'];
const CITIES = ['Lisboa', 'Zürich', 'Kraków', 'Osaka', 'São Paulo', 'Reykjavík', 'Nairobi'];

function word(rng) {
  let w = '';
  const parts = 1 + rng.below(3);
  for (let i = 0; i < parts; i++) w += rng.pick(SYLLABLES);
  return w;
}

function buildDocument(records) {
  const rng = new Lcg(42);
  const items = [];
  for (let i = 0; i < records; i++) {
    const name = word(rng);
    const tags = [];
    for (let t = rng.below(5); t > 0; t--) tags.push(word(rng));
    const history = [];
    for (let h = rng.below(4); h > 0; h--) {
      history.push({ ts: 1700000000 + rng.below(100000000), event: rng.pick(EVENTS), amount: rng.below(20001) - 10000 });
    }
    items.push({
      id: i,
      name,
      email: `${name}.${i}@${word(rng)}.example`,
      active: rng.below(2) === 1,
      score: rng.below(2000001) - 1000000,
      tags,
      address: { street: `${1 + rng.below(999)} ${word(rng)} street`, city: rng.pick(CITIES), zip: String(10000 + rng.below(90000)) },
      manager: rng.below(4) === 0 ? null : rng.below(records),
      history,
      note: rng.pick(NOTES),
    });
  }
  return { version: 1, generator: 'showdown', count: records, records: items };
}

// Sum of the walked values: integers as they are, strings and keys by length, true as 1,
// plus 1 for every array and object.
function walk(value) {
  if (value === null) return 0;
  switch (typeof value) {
    case 'number': return value;
    case 'string': return value.length;
    case 'boolean': return value ? 1 : 0;
    default: break;
  }
  let sum = 1;
  if (Array.isArray(value)) {
    for (const item of value) sum += walk(item);
  } else {
    for (const key in value) sum += key.length + walk(value[key]);
  }
  return sum;
}

function roundTrip(doc) {
  const text = JSON.stringify(doc);
  const parsed = JSON.parse(text);
  return `${text.length}:${walk(parsed)}`;
}

run({ name: 'json-roundtrip', defaultSize: 100, minSize: 0, setup: buildDocument, kernel: roundTrip });
