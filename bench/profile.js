#!/usr/bin/env node
/**
 * In-process breakdown of `validate` on a generated repository: where the time goes
 * (read, parse with and without the position listener, schema, model, rules), to guide
 * optimisation. Not part of the timed comparison; uses the private build in bench/.work/pkg.
 * Usage: node bench/profile.js [repo-dir]   (default bench/.work/repo-100k)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PKG } from './lib/build.js';

const t = () => performance.now();
const t0 = t();
const dist = (m) => import(pathToFileURL(path.join(PKG, 'dist', m)).href);
const yaml = (await import('js-yaml')).default;
const tImports0 = t();
const { parseYaml } = await dist('load/yaml.js');
const { readSource } = await dist('load/source.js');
const { schemaFindings, validatorFor } = await dist('schema/validate.js');
const { validate } = await dist('pipeline/validate.js');
const { loadConfig } = await dist('config/config.js');
const tImports = t() - tImports0;

const repo = path.resolve(process.argv[2] ?? 'bench/.work/repo-100k');
const files = [];
for (const sys of readdirSync(path.join(repo, 'systems')).sort()) {
  for (const f of readdirSync(path.join(repo, 'systems', sys)).sort()) if (f.endsWith('.yaml')) files.push(path.join(repo, 'systems', sys, f));
}
const limits = { maxAliases: 1000, maxDepth: 1000, maxFileBytes: 64 << 20, maxFiles: 10000 };
const rows = [];
const time = (label, fn) => {
  const s = t();
  const r = fn();
  rows.push([label, t() - s]);
  return r;
};

const texts = time('read (readFileSync utf8)', () => files.map((f) => readFileSync(f, 'utf8')));
time('readSource (strict UTF-8 decode)', () => files.map((f) => readSource(f, { maxBytes: limits.maxFileBytes, cwd: repo })));
const sources = files.map((f) => readSource(f, { maxBytes: limits.maxFileBytes, cwd: repo }));
time('js-yaml load, CORE_SCHEMA, no listener', () => texts.map((x) => yaml.load(x, { schema: yaml.CORE_SCHEMA })));
time('js-yaml load, CORE_SCHEMA, empty listener', () => texts.map((x) => yaml.load(x, { schema: yaml.CORE_SCHEMA, listener: () => {} })));
const values = time('parseYaml (listener + positions)', () => sources.map((s) => parseYaml(s, limits)));
let s0 = t();
validatorFor('system');
validatorFor('include');
rows.push(['ajv compile (system+include)', t() - s0]);
time('schema validate (all files)', () => values.map((v, i) => schemaFindings(files[i].endsWith('system.yaml') ? 'system' : 'include', v, sources[i])));

const config = loadConfig(repo);
const r = time('pipeline validate() end to end (in process, warm ajv)', () => validate([], config, repo));
console.log(`repo ${repo}: ${files.length} files, ${r.systems.length} systems, ${r.diagnostics.length} diagnostics`);
console.log(`imports: ${tImports.toFixed(1)} ms`);
for (const [l, ms] of rows) console.log(`${ms.toFixed(1).padStart(9)} ms  ${l}`);
console.log(`total ${(t() - t0).toFixed(0)} ms; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
