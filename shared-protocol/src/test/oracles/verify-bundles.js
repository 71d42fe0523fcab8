// The reference client's verdict on bundles someone else built (black box: iota.lib.js@0.5.3).
// Usage: node verify-bundles.js IN.json [OUT.json]
// IN: [{"name": "...", "trytes": ["<2673 trytes>", ...]}]; prints (or writes) the same list with
// {"isBundle", "extractJson", "hashes", "tailFirst"} added for each bundle.
'use strict';
const fs = require('fs');
const IOTA = require('iota.lib.js');
const iota = new IOTA({ provider: 'http://127.0.0.1:1' });

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const verdicts = input.map(b => {
  const txs = b.trytes.map(t => iota.utils.transactionObject(t)).sort((x, y) => x.currentIndex - y.currentIndex);
  let json = null;
  try { json = iota.utils.extractJson(txs); } catch (e) { json = null; }
  return Object.assign({}, b, {
    isBundle: iota.utils.isBundle(txs),
    extractJson: json,
    hashes: txs.map(t => t.hash),
    validTrytes: b.trytes.every(t => iota.valid.isTrytes(t, 2673)),
  });
});
const text = JSON.stringify(verdicts, null, 1) + '\n';
if (process.argv[3]) fs.writeFileSync(process.argv[3], text); else process.stdout.write(text);
