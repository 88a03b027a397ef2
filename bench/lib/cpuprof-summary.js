#!/usr/bin/env node
// Summarise a .cpuprofile: self time by script (package or file) — used to find what start-up pays for.
import { readFileSync } from 'node:fs';

const prof = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++) {
  const n = byId.get(prof.samples[i]);
  let url = n.callFrame.url || `(${n.callFrame.functionName || 'native'})`;
  url = url.replace(/^file:\/\//, '').replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, 'npm:$1').replace(/.*\/dist\//, 'dist/');
  if (process.env.BY_FUNCTION) url = `${url} ${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`;
  self.set(url, (self.get(url) ?? 0) + (dt[i] ?? 0) / 1000);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`total sampled ${total.toFixed(0)} ms`);
for (const [u, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 25))) console.log(`${ms.toFixed(1).padStart(8)} ms  ${u}`);
