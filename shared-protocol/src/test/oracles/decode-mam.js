#!/usr/bin/env node
// Decodes MAM payloads with the reference client @iota/mam@0.7.3, one JSON request per stdin line:
// {"payload","root","sideKey"|null} -> {"ok":true,"message","nextRoot"} or {"ok":false,"error"}.
// Used by the Java tests to check that the reference reads what we write.
'use strict';
const readline = require('readline');
const Mam = require('@iota/mam');

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', (line) => {
  if (!line.trim()) return;
  const { payload, root, sideKey } = JSON.parse(line);
  let out;
  try {
    const m = Mam.decode(payload, sideKey || null, root);
    out = { ok: true, message: m.payload, nextRoot: m.next_root };
  } catch (e) {
    out = { ok: false, error: String(e && e.message ? e.message : e) };
  }
  process.stdout.write(JSON.stringify(out) + '\n');
});
