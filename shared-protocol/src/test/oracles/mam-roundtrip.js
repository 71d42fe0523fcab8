// @iota/mam@0.7.3 (black box) against a running node, for a channel WE published.
// Usage: node mam-roundtrip.js NODE_URL OUR_ROOT MODE SIDE_KEY
// 1. fetches our channel from OUR_ROOT (restricted with SIDE_KEY, or MODE as given);
// 2. publishes two messages of its own on a restricted channel under SIDE_KEY, for us to read.
// Prints {"fetched": [ascii...], "theirs": {"root", "sent": [ascii...]}}.
'use strict';
const Mam = require('@iota/mam');
const { asciiToTrytes, trytesToAscii } = require('@iota/converter');

const [url, ourRoot, mode, sideKey] = process.argv.slice(2);

async function main() {
  let state = Mam.init(url, 'THEIR9MAM9SEED'.padEnd(81, '9'), 2); // also sets the node for fetch
  const fetched = await Mam.fetch(ourRoot, mode, mode === 'restricted' ? sideKey : null);
  state = Mam.changeMode(state, 'restricted', sideKey);
  const sent = [];
  let root = null;
  for (const text of ['{"type":"DATA","n":1}', '{"type":"DATA","raw":"' + 'y'.repeat(2500) + '"}']) {
    const msg = Mam.create(state, asciiToTrytes(text));
    state = msg.state;
    if (root === null) root = msg.root;
    await Mam.attach(msg.payload, msg.address, 3, 9);
    sent.push(text);
  }
  process.stdout.write(JSON.stringify({ fetched: fetched.messages.map(trytesToAscii), theirs: { root, sent } }) + '\n');
}

main().catch(e => { console.error(e && e.stack || e); process.exit(1); });
