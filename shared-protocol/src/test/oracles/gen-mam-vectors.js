#!/usr/bin/env node
// Golden MAM v0 vectors from the reference client @iota/mam@0.7.3 (a black box: we only call its
// public API). Regenerate: cd shared-protocol/src/test/oracles && npm ci && node gen-mam-vectors.js
// Writes ../resources/vectors/mam/{public,private,restricted,trees}.json. Deterministic: seeds and
// messages come from a fixed pseudo-random sequence, and the client's create is deterministic.
'use strict';
const fs = require('fs');
const path = require('path');
const Mam = require('@iota/mam');

const ALPHABET = '9ABCDEFGHIJKLMNOPQRSTUVWXYZ';
let state = 20240601;
const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8;
const trytes = (n) => Array.from({ length: n }, () => ALPHABET[next() % 27]).join('');
const asciiTrytes = (s) => Array.from(s, (c) => ALPHABET[c.charCodeAt(0) % 27] + ALPHABET[Math.floor(c.charCodeAt(0) / 27)]).join('');

const OUT = path.join(__dirname, '..', 'resources', 'vectors', 'mam');
const PROVIDER = 'http://127.0.0.1:1'; // never contacted: create and decode are offline

// Message shapes: empty, one tryte, JSON, exactly one hash, several 2187-tryte fragments.
const messages = () => [
  ['empty', ''],
  ['one-tryte', trytes(1)],
  ['json', asciiTrytes('{"type":"DATA","timestamp":1700000000000,"raw":"/ISK5\\\\2M550T-1012"}')],
  ['81-trytes', trytes(81)],
  ['multi-fragment', trytes(3000)],
];
const sideKeys = { public: [null], private: [null], restricted: ['ABC', trytes(81)] };

function vector(name, seed, mode, sideKey, security, start, count, index, message, m) {
  const decoded = Mam.decode(m.payload, mode === 'restricted' ? sideKey : null, m.root);
  if (decoded.payload !== message) throw new Error(`${name}: the reference does not read its own message back`);
  return { name, seed, mode, sideKey, security, start, count, index, message,
           root: m.root, address: m.address, payload: m.payload, nextRoot: decoded.next_root };
}

function channel(seed, mode, sideKey, security, start, count) {
  let s = Mam.init(PROVIDER, seed, security);
  if (mode !== 'public') s = Mam.changeMode(s, mode, sideKey || undefined);
  s.channel.start = start;
  s.channel.count = count;
  s.channel.next_count = count;
  return s;
}

fs.mkdirSync(OUT, { recursive: true });
for (const mode of ['public', 'private', 'restricted']) {
  const out = [];
  for (const security of [1, 2, 3]) {
    for (const start of [0, 7, 1234]) {
      for (const sideKey of sideKeys[mode]) {
        const seed = trytes(81);
        let s = channel(seed, mode, sideKey, security, start, 1);
        // A short chain per channel, so readers can walk root -> next root.
        for (const [kind, message] of messages()) {
          if (start !== 0 && kind === 'multi-fragment') continue; // keep the data small
          const at = s.channel.start, index = s.channel.index; // create advances the state it is given
          const m = Mam.create(s, message);
          const name = `${mode}-sec${security}-start${at}-${kind}` + (sideKey ? `-key${sideKey.length}` : '');
          out.push(vector(name, seed, mode, sideKey, security, at, 1, index, message, m));
          s = m.state;
        }
      }
    }
  }
  fs.writeFileSync(path.join(OUT, `${mode}.json`), JSON.stringify(out, null, 1) + '\n');
  console.log(`${mode}: ${out.length} vectors`);
}

// Merkle trees with more than one leaf (the client supports 1, 2, 4, 8... leaves).
const trees = [];
for (const [mode, sideKey] of [['public', null], ['restricted', 'TREEKEY']]) {
  for (const [security, count] of [[1, 2], [2, 4], [1, 8]]) {
    const seed = trytes(81);
    let s = channel(seed, mode, sideKey, security, 3, count);
    for (let k = 0; k < count + 1; k++) {
      const start = s.channel.start, index = s.channel.index;
      const message = trytes(10 + k);
      const m = Mam.create(s, message);
      trees.push(vector(`${mode}-sec${security}-count${count}-start${start}-index${index}`, seed, mode, sideKey,
                        security, start, count, index, message, m));
      s = m.state;
    }
  }
}
fs.writeFileSync(path.join(OUT, 'trees.json'), JSON.stringify(trees, null, 1) + '\n');
console.log(`trees: ${trees.length} vectors`);
