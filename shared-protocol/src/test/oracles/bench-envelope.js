// Baseline for ./iotahome bench envelope: the oracle envelope's seal and open per second.
// Prints one line per algorithm: "oracle alg=... seal_per_s=... open_per_s=...".
'use strict';
const { kemOf, seal, open } = require('./envelope-oracle');

const SECONDS = Number(process.argv[2] || 2);

async function rate(fn) {
  const end = Date.now() + SECONDS * 1000;
  let n = 0;
  while (Date.now() < end) { await fn(); n++; }
  return n / SECONDS;
}

(async () => {
  for (const alg of ['sntrup1277', 'mlkem768']) {
    const keys = await kemOf(alg).keyPair();
    const env = await seal(alg, keys.publicKey, 'S'.repeat(81));
    const s = await rate(() => seal(alg, keys.publicKey, 'S'.repeat(81)));
    const o = await rate(() => open(keys.privateKey, env));
    console.log(`oracle alg=${alg} seal_per_s=${s.toFixed(0)} open_per_s=${o.toFixed(0)}`);
  }
})().catch((e) => { console.error(e); process.exit(1); });
