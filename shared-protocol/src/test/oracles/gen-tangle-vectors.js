// Regenerates the golden vectors of the trinary core, sponges, transactions and message bundles
// from the reference clients (black boxes): iota.lib.js@0.5.3, @iota/converter, @iota/curl, @iota/kerl.
// Usage: node gen-tangle-vectors.js ../resources/vectors/tangle
'use strict';
const fs = require('fs');
const path = require('path');
const IOTA = require('iota.lib.js');
const Converter = require('@iota/converter');
const Curl = require('@iota/curl').default;
const Kerl = require('@iota/kerl').default;

const out = process.argv[2] || path.join(__dirname, '..', 'resources', 'vectors', 'tangle');
fs.mkdirSync(out, { recursive: true });
const iota = new IOTA({ provider: 'http://127.0.0.1:1' });
const ALPHABET = '9ABCDEFGHIJKLMNOPQRSTUVWXYZ';

// A small deterministic PRNG so that regenerating gives the same inputs.
let state = 0x1234567;
const rand = n => { state = (state * 1103515245 + 12345) & 0x7fffffff; return state % n; };
const randomTrytes = n => Array.from({ length: n }, () => ALPHABET[rand(27)]).join('');
const write = (name, data) => fs.writeFileSync(path.join(out, name), JSON.stringify(data, null, 1) + '\n');

// 1. ASCII <-> trytes and trytes <-> trits
const asciiSamples = ['', '{', '}', '{"type":"DATA"}', 'Hello, IOTA!', '\u0000\u001a\u00ff~', '{"a":[1,2,{"b":"\\u00e9"}]}'];
write('converter.json', {
  ascii: asciiSamples.map(a => ({ ascii: a, trytes: iota.utils.toTrytes(a) })),
  trits: Array.from({ length: 8 }, (_, i) => {
    const t = randomTrytes(1 + i * 5);
    return { trytes: t, trits: Array.from(Converter.trits(t)) };
  }),
  values: [0, 1, -1, 13, -13, 14, 1000, -987654, 1234567890123].map(v => ({ value: v, trits: Array.from(Converter.valueToTrits ? Converter.valueToTrits(v) : Converter.fromValue(v)) })),
});

// 2. Sponges: absorb some chunks, squeeze some chunks.
const sponge = (make, chunks, squeezeChunks) => {
  const input = randomTrytes(81 * chunks);
  const s = make();
  const trits = Converter.trits(input);
  s.absorb(trits, 0, trits.length);
  const outTrits = new Int8Array(243 * squeezeChunks);
  s.squeeze(outTrits, 0, outTrits.length);
  return { in: input, squeeze: 243 * squeezeChunks, out: Converter.trytes(outTrits) };
};
write('sponges.json', {
  curl81: [1, 2, 3, 33].map(c => sponge(() => new Curl(81), c, 1)),
  curl27: [1, 2, 4].map(c => sponge(() => new Curl(27), c, 3)),
  kerl: [1, 2, 3, 6].map(c => sponge(() => new Kerl(), c, 2)),
});

// 3. Transactions: random wire forms (value trits kept valid) and their hashes and fields.
const transactions = [];
for (let i = 0; i < 6; i++) {
  let t = randomTrytes(2673).split('');
  // value: only the first 33 trits may be set -> trytes 2279..2294 zero and tryte 2279's top trits
  for (let k = 2279; k < 2295; k++) t[k] = '9';
  t[2279] = '9';
  t = t.join('');
  const obj = iota.utils.transactionObject(t);
  transactions.push({ trytes: t, hash: obj.hash, object: obj });
}
write('transactions.json', transactions);

// 4. Message bundles the reference built (sendTransfer's prepareTransfers for a zero-value JSON message).
const realNow = Date.now;
const seed = 'A'.repeat(81);
const bundles = [];
const messages = [
  { type: 'CLAIM_DEVICE', v: 1, sender: 'B'.repeat(81) },
  { type: 'DATA', v: 1, timestamp: 1543000000000, raw: 'x'.repeat(2000) },
  { note: 'y'.repeat(2176) },            // 2187 chars = 4374 trytes: fills two fragments exactly
  { nested: { a: [1, 2, { b: 'c' }], d: '}' } },
];
let pending = messages.length;
messages.forEach((m, i) => {
  const address = randomTrytes(81);
  const tag = ['IOTAHOME', '', 'TAG9TEST', 'X'.repeat(27)][i];
  const json = JSON.stringify(m);
  const timestamp = 1543000000 + i;
  Date.now = () => timestamp * 1000 + 123;
  iota.api.prepareTransfers(seed, [{ address, value: 0, message: iota.utils.toTrytes(json), tag }], (err, trytes) => {
    Date.now = realNow;
    if (err) throw err;
    const txs = trytes.map(t => iota.utils.transactionObject(t)).sort((a, b) => a.currentIndex - b.currentIndex);
    bundles[i] = { address, tag, json, timestampSeconds: timestamp, trytes: txs.map(tx => iota.utils.transactionTrytes(tx)),
      bundle: txs[0].bundle, extractJson: iota.utils.extractJson(txs) };
    if (--pending === 0) write('bundles-by-oracle.json', bundles);
  });
});
