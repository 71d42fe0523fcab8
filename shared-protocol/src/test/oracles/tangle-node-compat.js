// The reference clients against a running node (black boxes: iota.lib.js@0.5.3, @iota/mam@0.7.3).
// Usage: node tangle-node-compat.js NODE_URL SEND_ADDRESS READ_ADDRESS
// 1. iota.lib.js sendTransfer: a zero-value JSON message to SEND_ADDRESS (the node attaches it);
//    then findTransactionObjects + extractJson read it back.
// 2. iota.lib.js reads every bundle at READ_ADDRESS (written by our Java client) with extractJson.
// 3. @iota/mam attach of two public messages, then fetch from the root.
// Prints one JSON object with what each client saw.
'use strict';
const IOTA = require('iota.lib.js');
const Mam = require('@iota/mam');
const { asciiToTrytes, trytesToAscii } = require('@iota/converter');

const [url, sendAddress, readAddress] = process.argv.slice(2);
const iota = new IOTA({ provider: url });
const p = (fn, ...args) => new Promise((resolve, reject) => fn(...args, (e, r) => (e ? reject(e) : resolve(r))));

function bundlesOf(txs) {
  const byBundle = {};
  txs.forEach(t => { (byBundle[t.bundle] = byBundle[t.bundle] || []).push(t); });
  return Object.values(byBundle).map(b => b.sort((x, y) => x.currentIndex - y.currentIndex))
    .sort((a, b) => a[0].attachmentTimestamp - b[0].attachmentTimestamp);
}

async function main() {
  const out = {};
  const seed = 'IOTAHOME9COMPAT9SEED'.padEnd(81, '9');
  const message = JSON.stringify({ v: 1, type: 'CLAIM_DEVICE', sender: readAddress, pad: 'x'.repeat(1500) });
  const sent = await p(iota.api.sendTransfer.bind(iota.api), seed, 3, 9,
    [{ address: sendAddress, value: 0, message: iota.utils.toTrytes(message), tag: 'IOTAHOME' }]);
  out.sent = { json: message, bundle: sent[0].bundle, count: sent.length };

  const found = await p(iota.api.findTransactionObjects.bind(iota.api), { addresses: [sendAddress] });
  out.foundAtSend = bundlesOf(found).map(b => ({ bundle: b[0].bundle, isBundle: iota.utils.isBundle(b), json: iota.utils.extractJson(b) }));

  const ours = await p(iota.api.findTransactionObjects.bind(iota.api), { addresses: [readAddress] });
  out.foundAtRead = bundlesOf(ours).map(b => ({ bundle: b[0].bundle, isBundle: iota.utils.isBundle(b), json: iota.utils.extractJson(b) }));

  const state = Mam.init(url);
  let mamState = state;
  const sentMam = [];
  let root = null;
  for (const text of ['{"n":1}', '{"n":2}']) {
    const msg = Mam.create(mamState, asciiToTrytes(text));
    mamState = msg.state;
    if (root === null) root = msg.root;
    await Mam.attach(msg.payload, msg.address, 3, 9);
    sentMam.push(text);
  }
  const fetched = await Mam.fetch(root, 'public');
  out.mam = { root, sent: sentMam, fetched: fetched.messages.map(trytesToAscii) };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch(e => { console.error(e && e.stack || e); process.exit(1); });
