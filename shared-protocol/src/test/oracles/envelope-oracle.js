// The envelope of PROTOCOL.md §6 built on the npm reference KEMs (ntru@4 for sntrup1277,
// @noble/post-quantum for ML-KEM-768) and Node's own HKDF and AES-GCM: an independent
// implementation to check ours against. Used by the vector generator, the open-envelope
// helper (tests) and the envelope benchmark.
'use strict';
const crypto = require('crypto');
const ntru = require('ntru');
const { ml_kem768 } = require('@noble/post-quantum/ml-kem.js');
const { asciiToTrytes, trytesToAscii } = require('@iota/converter');

const INFO = Buffer.from('iotahome-envelope-v1', 'ascii');

const kems = {
  sntrup1277: {
    keyPair: async () => {
      const kp = await ntru.keyPair();
      return { publicKey: Buffer.from(kp.publicKey), privateKey: Buffer.from(kp.privateKey) };
    },
    encapsulate: async (pk) => {
      const e = await ntru.encrypt(new Uint8Array(pk));
      return { kem: Buffer.from(e.cyphertext), secret: Buffer.from(e.secret) };
    },
    decapsulate: async (sk, kem) => Buffer.from(await ntru.decrypt(new Uint8Array(kem), new Uint8Array(sk))),
  },
  mlkem768: {
    keyPair: async () => {
      const kp = ml_kem768.keygen();
      return { publicKey: Buffer.from(kp.publicKey), privateKey: Buffer.from(kp.secretKey) };
    },
    encapsulate: async (pk) => {
      const e = ml_kem768.encapsulate(new Uint8Array(pk));
      return { kem: Buffer.from(e.cipherText), secret: Buffer.from(e.sharedSecret) };
    },
    decapsulate: async (sk, kem) => Buffer.from(ml_kem768.decapsulate(new Uint8Array(kem), new Uint8Array(sk))),
  },
};

function kemOf(alg) {
  const k = kems[alg];
  if (!k) throw new Error(`unknown alg ${alg}`);
  return k;
}

function key(secret) {
  return Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), INFO, 32));
}

async function seal(alg, publicKey, text) {
  const { kem, secret } = await kemOf(alg).encapsulate(publicKey);
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key(secret), iv);
  const ct = Buffer.concat([c.update(Buffer.from(text, 'utf8')), c.final(), c.getAuthTag()]);
  return { alg, kem: kem.toString('base64'), iv: iv.toString('base64'), ct: ct.toString('base64') };
}

async function open(privateKey, envelope) {
  const secret = await kemOf(envelope.alg).decapsulate(privateKey, Buffer.from(envelope.kem, 'base64'));
  const ct = Buffer.from(envelope.ct, 'base64');
  const d = crypto.createDecipheriv('aes-256-gcm', key(secret), Buffer.from(envelope.iv, 'base64'));
  d.setAuthTag(ct.subarray(ct.length - 16));
  return Buffer.concat([d.update(ct.subarray(0, ct.length - 16)), d.final()]).toString('utf8');
}

const publicKeyTrytes = (publicKey) => asciiToTrytes(publicKey.toString('base64'));
const publicKeyFromTrytes = (trytes) => Buffer.from(trytesToAscii(trytes), 'base64');

module.exports = { kems, kemOf, seal, open, publicKeyTrytes, publicKeyFromTrytes };
