#!/usr/bin/env node
/**
 * In-process comparison of the loader's parse stage across variant builds (bench/experiments.js
 * builds them): read + parseYaml of every file of a repository, rounds alternating between
 * variants, CPU time (process.cpuUsage) so other processes on the machine disturb it less.
 *   node bench/experiments/parse-stage.js <repo-dir> <variant-dir>...
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';

const [repo, ...dirs] = process.argv.slice(2).map((p) => path.resolve(p));
const files = [];
for (const s of readdirSync(path.join(repo, 'systems')).sort()) for (const f of readdirSync(path.join(repo, 'systems', s)).sort()) files.push(path.join(repo, 'systems', s, f));
const limits = { maxAliases: 10000, maxDepth: 100, maxFileBytes: 64 << 20, maxFiles: 10000 };
const variants = [];
for (const d of dirs) {
  const { parseYaml } = await import(pathToFileURL(path.join(d, 'dist/load/yaml.js')).href);
  const { readSource } = await import(pathToFileURL(path.join(d, 'dist/load/source.js')).href);
  variants.push({ name: path.basename(d), run: () => { for (const f of files) parseYaml(readSource(f, { maxBytes: limits.maxFileBytes, cwd: repo }), limits); } });
}
variants.push({ name: 'floor (js-yaml only)', run: () => { for (const f of files) yaml.load(readSource0(f), { schema: yaml.CORE_SCHEMA }); } });
import { readFileSync } from 'node:fs';
function readSource0(f) { return readFileSync(f, 'utf8'); }

const times = new Map(variants.map((v) => [v.name, []]));
for (let round = 0; round < 5; round++) {
  for (const v of variants) {
    const c0 = process.cpuUsage();
    v.run();
    const c = process.cpuUsage(c0);
    if (round > 0) times.get(v.name).push((c.user + c.system) / 1000);
  }
}
for (const [name, t] of times) {
  t.sort((a, b) => a - b);
  console.log(`${name.padEnd(24)} CPU median ${t[t.length >> 1].toFixed(0)} ms (min ${t[0].toFixed(0)}, max ${t[t.length - 1].toFixed(0)})`);
}
