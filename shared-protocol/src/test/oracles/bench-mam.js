#!/usr/bin/env node
// Times the reference client @iota/mam@0.7.3 on the messages given on stdin, for MamBench:
// input {"seed","sideKey","security","messages":[trytes...],"rounds":n}; output one JSON line
// {"create": messages per second, "parse": payloads per second, "n": messages timed}.
// create: one restricted channel publishing the messages in order (as a device does);
// parse: Mam.decode of each payload just made, with its root and side key.
'use strict';
const Mam = require('@iota/mam');

let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const { seed, sideKey, security, messages } = JSON.parse(input);
  let state = Mam.changeMode(Mam.init('http://127.0.0.1:1', seed, security), 'restricted', sideKey);
  Mam.create(state, messages[0]); // warm-up (first call instantiates the module)
  state = Mam.changeMode(Mam.init('http://127.0.0.1:1', seed, security), 'restricted', sideKey);

  const made = [];
  const t0 = process.hrtime.bigint();
  for (const m of messages) {
    const out = Mam.create(state, m);
    made.push(out);
    state = out.state;
  }
  const t1 = process.hrtime.bigint();
  for (const m of made) {
    if (Mam.decode(m.payload, sideKey, m.root).payload === undefined) throw new Error('reference failed to decode');
  }
  const t2 = process.hrtime.bigint();
  const perSec = (n, ns) => (n * 1e9) / Number(ns);
  process.stdout.write(JSON.stringify({ create: perSec(made.length, t1 - t0), parse: perSec(made.length, t2 - t1), n: made.length }) + '\n');
});
