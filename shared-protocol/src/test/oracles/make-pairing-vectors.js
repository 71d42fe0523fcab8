// Regenerates shared-protocol/src/test/resources/vectors/pairing/pairing.json from the npm
// reference clients: run `node make-pairing-vectors.js` here after `npm ci`.
//  - signedChallenges: @iota/kerl over trits(challenge ‖ secret), squeezed 243 trits (PROTOCOL.md §4)
//  - seals: values sealed with the pairing key, HKDF-SHA256(secret ASCII, challenge ASCII,
//    'iotahome-pairing-v1') and AES-256-GCM from Node's crypto, the claimant's address in ASCII as
//    associated data (PROTOCOL.md §4 version 2)
//  - proofs: CLAIM_RESULT OK's proof, the challenge sealed the same way
//  - addresses: iota.lib.js addChecksum
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const Kerl = require('@iota/kerl').default;
const { trits, trytes } = require('@iota/converter');
const IOTA = require('iota.lib.js');

const OUT = path.join(__dirname, '..', 'resources', 'vectors', 'pairing');
const ALPHABET = '9ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function randomTrytes(n) {
  let s = '';
  while (s.length < n) {
    const b = crypto.randomBytes(1)[0];
    if (b < 243) s += ALPHABET[b % 27];
  }
  return s;
}

function sign(challenge, secret) {
  const k = new Kerl();
  k.initialize();
  const input = trits(challenge + secret);
  k.absorb(input, 0, input.length);
  const out = new Int8Array(243);
  k.squeeze(out, 0, 243);
  return trytes(out);
}

function seal(secret, challenge, claimant, text) {
  const key = Buffer.from(crypto.hkdfSync('sha256', Buffer.from(secret, 'ascii'), Buffer.from(challenge, 'ascii'),
    Buffer.from('iotahome-pairing-v1', 'ascii'), 32));
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(claimant, 'ascii'));
  const ct = Buffer.concat([c.update(Buffer.from(text, 'utf8')), c.final(), c.getAuthTag()]);
  return { iv: iv.toString('base64'), ct: ct.toString('base64') };
}

const signedChallenges = [];
for (const len of [20, 21, 27, 40, 81]) {
  for (let i = 0; i < 2; i++) {
    const secret = randomTrytes(len);
    const challenge = randomTrytes(243 - len);
    signedChallenges.push({ challenge, secret, signedChallenge: sign(challenge, secret) });
  }
}
const seals = [];
for (const text of ['{"root":"' + randomTrytes(81) + '","sideKey":"' + randomTrytes(81) + '"}', '', 'caf\u00e9 \u2713']) {
  const secret = randomTrytes(27);
  const challenge = randomTrytes(216);
  const claimant = randomTrytes(81);
  seals.push({ secret, challenge, claimant, plaintext: text, sealed: seal(secret, challenge, claimant, text) });
}
const proofs = [];
for (const len of [20, 27, 81]) {
  const secret = randomTrytes(len);
  const challenge = randomTrytes(243 - len);
  const claimant = randomTrytes(81);
  proofs.push({ secret, challenge, claimant, proof: seal(secret, challenge, claimant, challenge) });
}
const iota = new IOTA();
const addresses = [];
for (let i = 0; i < 5; i++) {
  const address = randomTrytes(81);
  addresses.push({ address, withChecksum: iota.utils.addChecksum(address) });
}
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'pairing.json'), JSON.stringify({
  generator: 'shared-protocol/src/test/oracles/make-pairing-vectors.js', signedChallenges, seals, proofs, addresses,
}, null, 1) + '\n');
console.log('wrote pairing.json');
