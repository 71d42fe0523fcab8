// Test helper: reads {"privateKey": base64, "envelopes": [envelope, ...]} on stdin and prints
// {"texts": [...]} (null for an envelope that does not open), using the oracle's envelope.
'use strict';
const { open } = require('./envelope-oracle');

let input = '';
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', async () => {
  const req = JSON.parse(input);
  const sk = Buffer.from(req.privateKey, 'base64');
  const texts = [];
  for (const env of req.envelopes) {
    try { texts.push(await open(sk, env)); } catch (e) { texts.push(null); }
  }
  process.stdout.write(JSON.stringify({ texts }) + '\n');
});
