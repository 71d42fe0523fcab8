// Regenerates shared-protocol/src/test/resources/vectors/envelope/*.json from the npm reference
// clients: run `node make-envelope-vectors.js` here after `npm ci`.
//  - theirs: a key pair made by the oracle, raw KEM encapsulations, and envelopes it sealed;
//    our tests decapsulate and open them with the oracle's private key.
//  - ours: envelopes the oracle sealed to the public key in ours-<alg>.key (made by our keygen);
//    our tests open them with our private key.
'use strict';
const fs = require('fs');
const path = require('path');
const { kemOf, seal, publicKeyTrytes } = require('./envelope-oracle');

const OUT = path.join(__dirname, '..', 'resources', 'vectors', 'envelope');
const PLAINTEXTS = [
  '',
  'SIDEKEY9ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  '{"root":"' + '9'.repeat(81) + '","sideKey":"SECRET"}',
  'h\u00e9llo \u2713 \ud83d\ude00 gr\u00fc\u00dfe',
  'x'.repeat(3000),
];

async function main() {
  for (const alg of ['sntrup1277', 'mlkem768']) {
    const kem = kemOf(alg);
    const theirs = await kem.keyPair();
    const raw = [];
    for (let i = 0; i < 3; i++) {
      const e = await kem.encapsulate(theirs.publicKey);
      raw.push({ kem: e.kem.toString('base64'), secret: e.secret.toString('base64') });
    }
    const theirEnvelopes = [];
    for (const text of PLAINTEXTS) theirEnvelopes.push({ plaintext: text, envelope: await seal(alg, theirs.publicKey, text) });
    const ours = JSON.parse(fs.readFileSync(path.join(OUT, `ours-${alg}.key`), 'utf8'));
    const ourPublicKey = Buffer.from(ours.publicKey, 'base64');
    const ourEnvelopes = [];
    for (const text of PLAINTEXTS) ourEnvelopes.push({ plaintext: text, envelope: await seal(alg, ourPublicKey, text) });
    const vector = {
      generator: 'shared-protocol/src/test/oracles/make-envelope-vectors.js',
      alg,
      theirs: {
        publicKey: theirs.publicKey.toString('base64'),
        publicKeyTrytes: publicKeyTrytes(theirs.publicKey),
        privateKey: theirs.privateKey.toString('base64'),
        encapsulations: raw,
        envelopes: theirEnvelopes,
      },
      ours: { keyFile: `ours-${alg}.key`, publicKeyTrytes: publicKeyTrytes(ourPublicKey), envelopes: ourEnvelopes },
    };
    fs.writeFileSync(path.join(OUT, `${alg}.json`), JSON.stringify(vector, null, 1) + '\n');
    console.log(`wrote ${alg}.json`);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
